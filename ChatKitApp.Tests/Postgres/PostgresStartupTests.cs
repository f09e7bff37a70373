using System.Net;
using System.Net.Http.Json;
using ChatKitApp.Postgres;
using ChatKitApp.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ChatKitApp.Tests.Postgres;

/// <summary>Start-up on PostgreSQL: an unreachable database, an empty one.</summary>
public sealed class PostgresStartupTests(PostgresFixture database) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task The_app_starts_with_the_database_down_answers_503_and_serves_without_a_restart_once_it_is_back()
    {
        var schema = new NpgsqlConnectionStringBuilder(await database.CreateSchemaAsync());
        await using var proxy = TcpProxy.Create(schema.Host!, schema.Port); // down: the port refuses
        var logs = new CapturingLoggerProvider();
        await using var app = new ChatKitAppFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:ChatKit"] = new NpgsqlConnectionStringBuilder(schema.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port }.ConnectionString,
            ["ChatKit:Postgres:MigrationRetryDelay"] = "00:00:00.020",
            ["ChatKit:Postgres:MigrationRetryMaxDelay"] = "00:00:00.100",
        })
        { TestServices = services => services.AddSingleton<ILoggerProvider>(logs) };

        var http = app.CreateClient(); // starts the host, which used to abort here
        using (var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Equal("Unhealthy", await health.Content.ReadAsStringAsync());
        }

        using (var chat = await http.PostAsJsonAsync("/chatkit", ChatKitRequestJson.Request("threads.list", [])))
        {
            await OutageAssert.UnavailableAsync(chat);
        }

        using (var page = await http.GetAsync(new Uri("/", UriKind.Relative)))
        {
            await OutageAssert.UnavailableAsync(page); // the cookie would need the key ring, which is in the database
        }

        proxy.Up();
        await app.Services.GetRequiredService<PostgresAvailability>().Ready.WaitAsync(TimeSpan.FromSeconds(30));

        using (var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative)))
        {
            Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
        }

        using var user = await UserClient.CreateGuestAsync(app);
        var thread = await user.Http.CreateThreadAsync("Hello after the outage");
        Assert.Equal([thread], await user.Http.ListThreadIdsAsync());
        var attempts = logs.Entries.Where(e => e.Category == typeof(PostgresMigrationService).FullName && e.Level == LogLevel.Warning).ToList();
        Assert.NotEmpty(attempts);
        Assert.All(attempts, a => Assert.Null(a.Exception)); // no stack trace per attempt
        Assert.Contains(logs.Entries, e => e.Message.StartsWith("The database is ready after", StringComparison.Ordinal));
        // One stack trace in all: data protection reads the key ring once at start-up and logs its failure.
        var traces = logs.Entries.Where(e => e.Exception is not null).ToList();
        Assert.Equal(["Microsoft.AspNetCore.DataProtection.KeyManagement.KeyRingProvider"], traces.Select(e => e.Category));
    }

    [Fact]
    public async Task A_first_start_on_an_empty_database_migrates_before_the_key_ring_is_read()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = new ChatKitAppFactory(new Dictionary<string, string?> { ["ConnectionStrings:ChatKit"] = await database.CreateSchemaAsync() })
        {
            TestServices = services => services.AddSingleton<ILoggerProvider>(logs),
        };

        using var user = await UserClient.CreateGuestAsync(app); // the cookie: written with the key ring
        Assert.Empty(await user.Http.ListThreadIdsAsync()); // and read back

        var errors = logs.Entries.Where(e => e.Level >= LogLevel.Error).Select(e => e.ToString()).ToList();
        Assert.DoesNotContain(errors, e => e.Contains("42P01", StringComparison.Ordinal) || e.Contains("data_protection_keys", StringComparison.Ordinal));
        Assert.Empty(errors);
    }
}
