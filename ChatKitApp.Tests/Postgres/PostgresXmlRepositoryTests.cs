using System.Security.Claims;
using System.Xml.Linq;
using ChatKitApp.Postgres;
using ChatKitApp.Tests.Fixtures;
using Dapper;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;

namespace ChatKitApp.Tests.Postgres;

public sealed class PostgresXmlRepositoryTests(PostgresFixture database) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Stored_elements_are_read_back_and_a_repeated_name_keeps_the_first()
    {
        var dataSource = database.OpenDataSource(await database.CreateSchemaAsync());
        await new PostgresMigrator(dataSource, Microsoft.Extensions.Logging.Abstractions.NullLogger<PostgresMigrator>.Instance).MigrateAsync(CancellationToken.None);
        var repository = new PostgresXmlRepository(dataSource);

        repository.StoreElement(new XElement("key", new XAttribute("id", "1")), "key-1");
        repository.StoreElement(new XElement("key", new XAttribute("id", "2")), "key-2");
        repository.StoreElement(new XElement("key", new XAttribute("id", "again")), "key-1");

        Assert.Equal(["1", "2"], repository.GetAllElements().Select(e => (string)e.Attribute("id")!));
    }

    [Fact]
    public async Task The_app_on_postgres_keeps_its_key_ring_in_the_database()
    {
        var connectionString = await database.CreateSchemaAsync();
        await using var app = ChatKitAppFactory.OnPostgres(connectionString);
        using var user = await UserClient.CreateGuestAsync(app);
        var cookie = user.Cookies.GetCookies(user.Http.BaseAddress!)[".ChatKitApp.Auth"]!.Value;

        // Another process with nothing but the database (no shared disk) can read the cookie.
        var dataSource = database.OpenDataSource(connectionString);
        Assert.True(await dataSource.OpenConnection().ExecuteScalarAsync<long>("SELECT count(*) FROM data_protection_keys") >= 1);
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName("ChatKitApp");
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = new PostgresXmlRepository(dataSource));
        await using var provider = services.BuildServiceProvider();
        var protector = provider.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector("Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", CookieAuthenticationDefaults.AuthenticationScheme, "v2");
        var ticket = new TicketDataFormat(protector).Unprotect(cookie);

        Assert.Equal(user.UserId, ticket?.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
    }
}
