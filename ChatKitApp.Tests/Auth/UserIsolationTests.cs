using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using ChatKitApp.Tests.Fixtures;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatKitApp.Tests.Auth;

/// <summary>
/// Two users (two cookie jars) against one app through HTTP: user B tries every request type on
/// user A's ids. Run once on each store (see the subclasses).
/// </summary>
public abstract class UserIsolationTests : IAsyncLifetime
{
    private ChatKitAppFactory _app = null!;

    public async Task InitializeAsync() => _app = await CreateAppAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    protected abstract Task<ChatKitAppFactory> CreateAppAsync();

    [Fact]
    public async Task Another_user_gets_not_found_for_every_request_on_a_users_thread_and_changes_nothing()
    {
        using var a = await UserClient.CreateGuestAsync(_app);
        using var b = await UserClient.CreateGuestAsync(_app);
        Assert.NotEqual(a.UserId, b.UserId);
        var threadId = await a.Http.CreateThreadAsync("A's secret");
        var itemsBefore = await PostAsync(a, ItemsList(threadId));
        var items = JsonNode.Parse(itemsBefore.Body)!["data"]!.AsArray();
        var userItem = (string)items.Single(i => (string?)i!["type"] == "user_message")!["id"]!;
        var assistantItem = (string)items.Single(i => (string?)i!["type"] == "assistant_message")!["id"]!;
        var threadBefore = await PostAsync(a, $$$"""{"type":"threads.get_by_id","params":{"thread_id":"{{{threadId}}}"}}""");

        var input = """{"content":[{"type":"input_text","text":"B was here"}],"attachments":[],"inference_options":{}}""";
        var attempts = new Dictionary<string, string>
        {
            ["threads.get_by_id"] = $$$"""{"type":"threads.get_by_id","params":{"thread_id":"{{{threadId}}}"}}""",
            ["items.list"] = ItemsList(threadId),
            ["threads.update"] = $$$"""{"type":"threads.update","params":{"thread_id":"{{{threadId}}}","title":"B's now"}}""",
            ["threads.delete"] = $$$"""{"type":"threads.delete","params":{"thread_id":"{{{threadId}}}"}}""",
            ["threads.add_user_message"] = $$$"""{"type":"threads.add_user_message","params":{"thread_id":"{{{threadId}}}","input":{{{input}}}}}""",
            ["threads.retry_after_item"] = $$$"""{"type":"threads.retry_after_item","params":{"thread_id":"{{{threadId}}}","item_id":"{{{userItem}}}"}}""",
            ["items.feedback"] = $$$"""{"type":"items.feedback","params":{"thread_id":"{{{threadId}}}","item_ids":["{{{assistantItem}}}"],"kind":"negative"}}""",
            ["threads.add_client_tool_output"] = $$$"""{"type":"threads.add_client_tool_output","params":{"thread_id":"{{{threadId}}}","result":{"ok":true} } }""",
            ["threads.custom_action"] = $$$"""{"type":"threads.custom_action","params":{"thread_id":"{{{threadId}}}","item_id":"{{{assistantItem}}}","action":{"type":"noop","payload":{}} } }""",
            ["threads.sync_custom_action"] = $$$"""{"type":"threads.sync_custom_action","params":{"thread_id":"{{{threadId}}}","item_id":"{{{assistantItem}}}","action":{"type":"noop","payload":{}} } }""",
            // The body cannot choose the user either.
            ["metadata naming A"] = $$$"""{"type":"threads.get_by_id","params":{"thread_id":"{{{threadId}}}"},"metadata":{"user_id":"{{{a.UserId}}}","userId":"{{{a.UserId}}}"}}""",
        };

        var outcomes = new List<string>();
        foreach (var (name, body) in attempts)
        {
            var response = await PostAsync(b, body);
            var code = response.Status == 200 ? "" : (string?)JsonNode.Parse(response.Body)?["error"]?["code"];
            outcomes.Add($"{name}: {response.Status} {code}");
        }

        Assert.Equal(attempts.Keys.Select(name => $"{name}: 404 not_found"), outcomes);
        Assert.Equal(threadBefore.Body, (await PostAsync(a, $$$"""{"type":"threads.get_by_id","params":{"thread_id":"{{{threadId}}}"}}""")).Body);
        Assert.Equal(itemsBefore.Body, (await PostAsync(a, ItemsList(threadId))).Body);
    }

    [Fact]
    public async Task Attachment_delete_of_another_users_attachment_is_not_a_success()
    {
        using var b = await UserClient.CreateGuestAsync(_app);

        var response = await PostAsync(b, """{"type":"attachments.delete","params":{"attachment_id":"atc_of_a"}}""");

        // No attachment store is configured, so every attachment request is 501 for everyone;
        // with one, the store's user scoping makes another user's id "not found".
        Assert.True(response.Status is 404 or 501, $"{response.Status} {response.Body}");
    }

    [Fact]
    public async Task Thread_lists_show_only_the_users_own_threads()
    {
        using var a = await UserClient.CreateGuestAsync(_app);
        using var b = await UserClient.CreateGuestAsync(_app);
        var threadOfA = await a.Http.CreateThreadAsync("Mine");

        Assert.Equal([], await b.Http.ListThreadIdsAsync());
        var threadOfB = await b.Http.CreateThreadAsync("Mine too");

        Assert.Equal([threadOfA], await a.Http.ListThreadIdsAsync());
        Assert.Equal([threadOfB], await b.Http.ListThreadIdsAsync());
    }

    [Fact]
    public async Task Requests_without_a_cookie_are_401_json()
    {
        using var anonymous = _app.CreateClient();

        using var response = await anonymous.PostAsync(new Uri("/chatkit", UriKind.Relative), Json("""{"type":"threads.list","params":{}}"""));

        await AssertUnauthorizedAsync(response);
    }

    [Fact]
    public async Task A_forged_cookie_is_401()
    {
        using var a = await UserClient.CreateGuestAsync(_app);
        var cookie = a.Cookies.GetCookies(a.Http.BaseAddress!)[CookieOptions().Cookie.Name!]!;
        var bytes = Convert.FromBase64String(ToBase64(cookie.Value));
        bytes[^5] ^= 0x01; // one flipped bit in the ciphertext
        cookie.Value = Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        using var response = await a.Http.PostAsync(new Uri("/chatkit", UriKind.Relative), Json("""{"type":"threads.list","params":{}}"""));

        await AssertUnauthorizedAsync(response);
    }

    [Fact]
    public async Task An_expired_cookie_is_401()
    {
        var options = CookieOptions();
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "guest_expired")], CookieAuthenticationDefaults.AuthenticationScheme));
        var past = DateTimeOffset.UtcNow.AddDays(-1);
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = past.AddDays(-1), ExpiresUtc = past }, CookieAuthenticationDefaults.AuthenticationScheme);
        using var client = _app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/chatkit") { Content = Json("""{"type":"threads.list","params":{}}""") };
        request.Headers.Add("Cookie", $"{options.Cookie.Name}={options.TicketDataFormat.Protect(ticket)}");

        using var response = await client.SendAsync(request);

        await AssertUnauthorizedAsync(response);
    }

    private CookieAuthenticationOptions CookieOptions() =>
        _app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);

    private static async Task AssertUnauthorizedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("unauthorized", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["code"]);
    }

    private static string ToBase64(string base64Url)
    {
        var s = base64Url.Replace('-', '+').Replace('_', '/');
        return s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
    }

    private static string ItemsList(string threadId) => $$$"""{"type":"items.list","params":{"thread_id":"{{{threadId}}}","order":"asc"}}""";

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<(int Status, string Body)> PostAsync(UserClient user, string body)
    {
        using var response = await user.Http.PostAsync(new Uri("/chatkit", UriKind.Relative), Json(body));
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
