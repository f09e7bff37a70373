using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatKitApp.Tests.Fixtures;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatKitApp.Tests.Sharing;

/// <summary>
/// Share links over HTTP: share, read without a cookie, revoke, delete the thread, another user,
/// later turns. Run once on each store (see the subclasses).
/// </summary>
public abstract partial class ShareLinkTests : IAsyncLifetime
{
    protected ChatKitAppFactory App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await CreateAppAsync();

    public async Task DisposeAsync() => await App.DisposeAsync();

    protected abstract Task<ChatKitAppFactory> CreateAppAsync();

    [Fact]
    public async Task Share_gives_a_link_that_shows_the_thread_to_a_browser_without_a_cookie()
    {
        using var owner = await UserClient.CreateGuestAsync(App);
        var threadId = await owner.Http.CreateThreadAsync("Plan a picnic by the lake");

        var url = await owner.Http.ShareAsync(threadId);

        Assert.Matches(TokenPath(), url);
        using var reader = Anonymous();
        using var page = await reader.GetAsync(new Uri(url, UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Plan a picnic by the lake", html, StringComparison.Ordinal);
        Assert.Contains("Demo model", html, StringComparison.Ordinal); // the assistant's reply
        Assert.Contains("<meta name=\"robots\" content=\"noindex, nofollow\"", html, StringComparison.Ordinal);
        Assert.Equal("noindex, nofollow", page.Headers.GetValues("X-Robots-Tag").Single());
        Assert.Contains("<meta name=\"referrer\" content=\"no-referrer\"", html, StringComparison.Ordinal);
        Assert.True(page.Headers.CacheControl?.NoStore, "The shared page may be cached: a revoked link would keep showing.");
        var authCookie = App.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme).Cookie.Name!;
        var cookies = page.Headers.TryGetValues("Set-Cookie", out var set) ? set.ToList() : [];
        Assert.DoesNotContain(cookies, c => c.StartsWith(authCookie + "=", StringComparison.Ordinal)); // no guest was made for the reader
    }

    [Fact]
    public async Task Revoked_link_answers_not_found()
    {
        using var owner = await UserClient.CreateGuestAsync(App);
        var threadId = await owner.Http.CreateThreadAsync("Soon private again");
        var url = await owner.Http.ShareAsync(threadId);

        using var revoked = await owner.Http.DeleteAsync(new Uri($"/api/chats/{threadId}/share", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, await ReadStatusAsync(url));
    }

    [Fact]
    public async Task Deleting_the_thread_kills_its_link()
    {
        using var owner = await UserClient.CreateGuestAsync(App);
        var threadId = await owner.Http.CreateThreadAsync("Gone soon");
        var url = await owner.Http.ShareAsync(threadId);
        Assert.Equal(HttpStatusCode.OK, await ReadStatusAsync(url));

        await owner.Http.ChatKitJsonAsync(ChatKitRequestJson.Request("threads.delete", new JsonObject { ["thread_id"] = threadId }));

        Assert.Equal(HttpStatusCode.NotFound, await ReadStatusAsync(url));
    }

    [Fact]
    public async Task Another_user_can_neither_share_nor_revoke_a_users_thread()
    {
        using var owner = await UserClient.CreateGuestAsync(App);
        using var other = await UserClient.CreateGuestAsync(App);
        var threadId = await owner.Http.CreateThreadAsync("Only mine to share");
        var url = await owner.Http.ShareAsync(threadId);

        using var share = await other.Http.PostAsync(new Uri($"/api/chats/{threadId}/share", UriKind.Relative), null);
        using var revoke = await other.Http.DeleteAsync(new Uri($"/api/chats/{threadId}/share", UriKind.Relative));

        Assert.Equal((404, "not_found"), await ChatApiHttp.StatusAndCodeAsync(share));
        Assert.Equal((404, "not_found"), await ChatApiHttp.StatusAndCodeAsync(revoke));
        Assert.Equal(HttpStatusCode.OK, await ReadStatusAsync(url)); // the owner's link still works
    }

    [Fact]
    public async Task Later_turns_and_renames_do_not_show_on_a_shared_link()
    {
        using var owner = await UserClient.CreateGuestAsync(App);
        var threadId = await owner.Http.CreateThreadAsync("The first question");
        var url = await owner.Http.ShareAsync(threadId);

        await owner.Http.StreamAsync(ChatKitRequestJson.Request("threads.add_user_message", new JsonObject
        {
            ["thread_id"] = threadId,
            ["input"] = ChatKitRequestJson.Input("A later secret"),
        }));
        await owner.Http.ChatKitJsonAsync(ChatKitRequestJson.Request("threads.update", new JsonObject { ["thread_id"] = threadId, ["title"] = "Renamed afterwards" }));

        var html = await ReadAsync(url);
        Assert.Contains("The first question", html, StringComparison.Ordinal);
        Assert.DoesNotContain("A later secret", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Renamed afterwards", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sharing_again_gives_a_new_link_with_the_thread_as_it_is_now_and_retires_the_old_one()
    {
        using var owner = await UserClient.CreateGuestAsync(App);
        var threadId = await owner.Http.CreateThreadAsync("The first question");
        var first = await owner.Http.ShareAsync(threadId);
        await owner.Http.StreamAsync(ChatKitRequestJson.Request("threads.add_user_message", new JsonObject
        {
            ["thread_id"] = threadId,
            ["input"] = ChatKitRequestJson.Input("The second question"),
        }));

        var second = await owner.Http.ShareAsync(threadId);

        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NotFound, await ReadStatusAsync(first));
        Assert.Contains("The second question", await ReadAsync(second), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/share/AAAAAAAAAAAAAAAAAAAAAA")] // a well-formed token nobody was given
    [InlineData("/share/short")]
    [InlineData("/share/AAAAAAAAAAAAAAAAAAAAA+")] // outside the alphabet
    [InlineData("/share/AAAAAAAAAAAAAAAAAAAAAA%3D%3D")] // padded: not the form this app makes
    public async Task Unknown_or_malformed_token_answers_not_found(string path)
    {
        Assert.Equal(HttpStatusCode.NotFound, await ReadStatusAsync(path));
    }

    [Theory]
    [InlineData("POST", "thr%20x")]
    [InlineData("DELETE", "thr%3Cx")]
    [InlineData("POST", "thr_%C3%A9")]
    [InlineData("POST", "t2345678901234567890123456789012345678901234567890123456789012345")] // 65 characters
    public async Task Malformed_thread_id_answers_400_and_unknown_one_404(string method, string threadId)
    {
        using var user = await UserClient.CreateGuestAsync(App);

        using var malformed = await user.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/api/chats/{threadId}/share"));
        using var unknown = await user.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/chats/thr_0000000000000000/share"));

        Assert.Equal((400, "invalid_request"), await ChatApiHttp.StatusAndCodeAsync(malformed));
        Assert.Equal((404, "not_found"), await ChatApiHttp.StatusAndCodeAsync(unknown));
    }

    /// <summary>A client with no cookie jar, as a browser that never visited the app.</summary>
    protected HttpClient Anonymous() => App.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });

    private async Task<HttpStatusCode> ReadStatusAsync(string path)
    {
        using var reader = Anonymous();
        using var response = await reader.GetAsync(new Uri(path, UriKind.Relative));
        return response.StatusCode;
    }

    private async Task<string> ReadAsync(string path)
    {
        using var reader = Anonymous();
        using var response = await reader.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {html}");
        return html;
    }

    [GeneratedRegex("^/share/[A-Za-z0-9_-]{22}$")]
    private static partial Regex TokenPath();
}
