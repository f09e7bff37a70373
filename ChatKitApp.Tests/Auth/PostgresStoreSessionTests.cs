using System.Net;
using ChatKitApp.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting;
using static ChatKitApp.Tests.Fixtures.AccountForms;

namespace ChatKitApp.Tests.Auth;

/// <summary>The session suite again, with sessions (and accounts and chats) in PostgreSQL, and what only a shared database can show.</summary>
public sealed class PostgresStoreSessionTests(PostgresFixture database) : SessionTests, IClassFixture<PostgresFixture>
{
    protected override async Task<ChatKitAppFactory> CreateAppAsync() => ChatKitAppFactory.OnPostgres(await database.CreateSchemaAsync());

    [Fact]
    public async Task Another_instance_refuses_an_ended_session_once_its_cache_has_lapsed()
    {
        await using var other = App.WithWebHostBuilder(b => b.UseSetting("ChatKit:Auth:SessionCacheDuration", "00:00:00"));
        using var browser = await UserClient.CreateGuestAsync(App);
        (await SubmitAsync(browser.Http, "/account/register", "dee@example.com", Password)).Dispose();
        var accountCookie = CookieValue(browser);
        using (var before = await ReplayAsync(other, accountCookie, HttpMethod.Post, "/chatkit"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        (await SignOutAsync(browser.Http)).Dispose();

        using var after = await ReplayAsync(other, accountCookie, HttpMethod.Post, "/chatkit");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }
}
