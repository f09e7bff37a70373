using System.Net;
using ChatKitApp.Tests.Fixtures;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChatKitApp.Tests.ChatKitHost;

/// <summary>/api/chats is guarded as /chatkit is: a cookie user, same-origin unsafe requests, the per-user rate limit.</summary>
public sealed class ChatApiGuardTests
{
    [Theory]
    [InlineData("GET", "/api/chats/thr_0000000000000000/export?format=md")]
    [InlineData("POST", "/api/chats/thr_0000000000000000/share")]
    [InlineData("DELETE", "/api/chats/thr_0000000000000000/share")]
    public async Task Request_without_a_cookie_is_401_json(string method, string path)
    {
        await using var app = new ChatKitAppFactory();
        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });

        using var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal((401, "unauthorized"), await ChatApiHttp.StatusAndCodeAsync(response));
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("DELETE")]
    public async Task Cross_site_share_or_revoke_is_refused_and_changes_nothing(string method)
    {
        await using var app = new ChatKitAppFactory();
        using var user = await UserClient.CreateGuestAsync(app);
        var threadId = await user.Http.CreateThreadAsync("Mine");
        var url = await user.Http.ShareAsync(threadId);
        var request = new HttpRequestMessage(new HttpMethod(method), $"/api/chats/{threadId}/share");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        using var response = await user.Http.SendAsync(request);

        Assert.Equal((403, "cross_site_request"), await ChatApiHttp.StatusAndCodeAsync(response));
        using var reader = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        using var page = await reader.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode); // neither replaced nor revoked
    }

    [Fact]
    public async Task Chat_api_requests_count_against_the_per_user_rate_limit()
    {
        await using var app = new ChatKitAppFactory(new Dictionary<string, string?> { ["ChatKit:RateLimits:RequestsPerWindow"] = "2", ["ChatKit:RateLimits:RateWindowSeconds"] = "3600" });
        using var user = await UserClient.CreateGuestAsync(app);

        using var first = await user.Http.GetAsync(new Uri("/api/chats/thr_0000000000000000/export", UriKind.Relative));
        using var second = await user.Http.PostAsync(new Uri("/api/chats/thr_0000000000000000/share", UriKind.Relative), null);
        using var third = await user.Http.DeleteAsync(new Uri("/api/chats/thr_0000000000000000/share", UriKind.Relative));

        Assert.Equal((404, "not_found"), await ChatApiHttp.StatusAndCodeAsync(first));
        Assert.Equal((404, "not_found"), await ChatApiHttp.StatusAndCodeAsync(second));
        Assert.Equal((429, "rate_limited"), await ChatApiHttp.StatusAndCodeAsync(third));
        Assert.True(third.Headers.RetryAfter is not null, "429 without Retry-After");
    }
}
