using System.Net;
using System.Text.Json.Nodes;
using ChatKitApp.ChatSearch;
using ChatKitApp.Tests.Fixtures;

namespace ChatKitApp.Tests.ChatSearch;

/// <summary><c>GET /api/chats/search</c> through HTTP; run once on each store (see the subclasses).</summary>
public abstract class ChatSearchEndpointTests : IAsyncLifetime
{
    private ChatKitAppFactory _app = null!;
    private UserClient _user = null!;

    public async Task InitializeAsync()
    {
        _app = await CreateAppAsync([]);
        _user = await UserClient.CreateGuestAsync(_app);
    }

    public async Task DisposeAsync()
    {
        _user.Dispose();
        await _app.DisposeAsync();
    }

    /// <summary>A new app on a fresh, empty store of the subclass's kind.</summary>
    protected abstract Task<ChatKitAppFactory> CreateAppAsync(Dictionary<string, string?> settings);

    [Fact]
    public async Task Search_finds_the_users_own_message_in_snake_case_json_and_nothing_for_another_user()
    {
        var threadId = await _user.Http.CreateThreadAsync("Tell me about the quokka please");
        using var other = await UserClient.CreateGuestAsync(_app);

        var (status, body) = await GetAsync(_user, "/api/chats/search?q=quokka");
        var (otherStatus, otherBody) = await GetAsync(other, "/api/chats/search?q=quokka");

        Assert.Equal(HttpStatusCode.OK, status);
        // The user's message, and the demo model's reply when it repeats the word.
        var hits = body["results"]!.AsArray().Select(h => h!).ToList();
        var hit = Assert.Single(hits, h => ((string?)h["snippet"])!.StartsWith($"Tell me about the {SearchSnippet.MarkStart}quokka{SearchSnippet.MarkEnd}", StringComparison.Ordinal));
        Assert.All(hits, h => Assert.Equal(threadId, (string?)h["thread_id"]));
        Assert.StartsWith("msg_", (string?)hit["item_id"], StringComparison.Ordinal);
        Assert.NotNull(hit["created_at"]);
        Assert.True(hit.AsObject().ContainsKey("title"));
        Assert.Equal(HttpStatusCode.OK, otherStatus);
        Assert.Empty(otherBody["results"]!.AsArray());
    }

    [Theory]
    [InlineData("/api/chats/search", "empty_query")]
    [InlineData("/api/chats/search?q=", "empty_query")]
    [InlineData("/api/chats/search?q=%20%20", "empty_query")]
    [InlineData("/api/chats/search?q=a&q=b", "invalid_query")]
    [InlineData("/api/chats/search?q=a%00b", "invalid_query")]
    [InlineData("/api/chats/search?q=a&limit=0", "invalid_limit")]
    [InlineData("/api/chats/search?q=a&limit=51", "invalid_limit")]
    [InlineData("/api/chats/search?q=a&limit=-1", "invalid_limit")]
    [InlineData("/api/chats/search?q=a&limit=abc", "invalid_limit")]
    [InlineData("/api/chats/search?q=a&limit=", "invalid_limit")]
    [InlineData("/api/chats/search?q=a&limit=99999999999", "invalid_limit")]
    public async Task Search_with_bad_input_answers_400_json_with_a_code(string url, string code)
    {
        var (status, body) = await GetAsync(_user, url);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(code, (string?)body["error"]!["code"]);
        Assert.False(string.IsNullOrEmpty((string?)body["error"]!["message"]));
    }

    [Fact]
    public async Task Search_with_a_1000_character_query_answers_400_query_too_long_and_the_longest_allowed_query_answers()
    {
        var (tooLong, body) = await GetAsync(_user, "/api/chats/search?q=" + new string('a', 1000));
        var (longest, _) = await GetAsync(_user, "/api/chats/search?q=" + new string('a', ChatSearchEndpoints.MaxQueryLength));

        Assert.Equal(HttpStatusCode.BadRequest, tooLong);
        Assert.Equal("query_too_long", (string?)body["error"]!["code"]);
        Assert.Equal(HttpStatusCode.OK, longest);
    }

    [Fact]
    public async Task Search_with_only_operators_or_stop_words_answers_an_empty_list()
    {
        foreach (var query in new[] { "-", "\"\"", "the", "or", "&|!():*" })
        {
            var (status, body) = await GetAsync(_user, "/api/chats/search?q=" + Uri.EscapeDataString(query));

            Assert.True(status == HttpStatusCode.OK, $"{query}: {(int)status} {body}");
            Assert.Empty(body["results"]!.AsArray());
        }
    }

    [Fact]
    public async Task Search_without_a_cookie_answers_401()
    {
        using var anonymous = _app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

        using var response = await anonymous.GetAsync(new Uri("/api/chats/search?q=quokka", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Search_that_the_browser_says_is_cross_site_answers_403()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/chats/search?q=quokka");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        using var response = await _user.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("cross_site_request", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["code"]);
    }

    [Fact]
    public async Task Search_counts_against_the_users_rate_limit()
    {
        await using var app = await CreateAppAsync(new() { ["ChatKit:RateLimits:RequestsPerWindow"] = "2" });
        using var user = await UserClient.CreateGuestAsync(app);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await GetAsync(user, "/api/chats/search?q=quokka")).Status);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    private static async Task<(HttpStatusCode Status, JsonNode Body)> GetAsync(UserClient user, string url)
    {
        using var response = await user.Http.GetAsync(new Uri(url, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JsonNode.Parse(text)!);
    }
}
