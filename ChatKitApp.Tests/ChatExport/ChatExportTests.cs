using System.Net;
using System.Text.Json.Nodes;
using ChatKitApp.Tests.Fixtures;

namespace ChatKitApp.Tests.ChatExport;

/// <summary>GET /api/chats/{id}/export over HTTP, once on each store (see the subclasses).</summary>
public abstract class ChatExportTests : IAsyncLifetime
{
    private ChatKitAppFactory _app = null!;

    public async Task InitializeAsync() => _app = await CreateAppAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    protected abstract Task<ChatKitAppFactory> CreateAppAsync();

    [Fact]
    public async Task Markdown_export_is_a_download_with_the_title_dates_messages_tool_steps_and_sources()
    {
        using var user = await UserClient.CreateGuestAsync(_app);
        var threadId = await user.Http.CreateThreadAsync("search articles about streaming");
        var items = (await ItemsAsync(user, threadId)).AsArray();
        var reply = (string)items.Single(i => (string?)i!["type"] == "assistant_message")!["content"]![0]!["text"]!;
        var sourceTitle = (string)items.Single(i => (string?)i!["type"] == "assistant_message")!["content"]![0]!["annotations"]![0]!["source"]!["title"]!;

        using var response = await user.Http.GetAsync(new Uri($"/api/chats/{threadId}/export?format=md", UriKind.Relative));
        var markdown = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("chat-search-articles-about-streaming.md", response.Content.Headers.ContentDisposition?.FileName);
        Assert.StartsWith("# search articles about streaming\n\n- Thread: `" + threadId + "`\n- Created: ", markdown, StringComparison.Ordinal);
        Assert.Matches(@"\n## User · \d{4}-\d\d-\d\d \d\d:\d\d UTC\n\nsearch articles about streaming\n", markdown);
        Assert.Contains("\n## Workflow", markdown, StringComparison.Ordinal); // the search tool's step
        Assert.Matches(@"\n## Assistant · \d{4}-\d\d-\d\d \d\d:\d\d UTC\n\n", markdown);
        Assert.Contains(reply.Trim(), markdown, StringComparison.Ordinal);
        Assert.True(markdown.Contains("\nSources:\n\n- [" + sourceTitle + "](/articles/", StringComparison.Ordinal), markdown);
    }

    [Fact]
    public async Task Json_export_holds_the_same_items_as_items_list()
    {
        using var user = await UserClient.CreateGuestAsync(_app);
        var threadId = await user.Http.CreateThreadAsync("search articles about streaming");
        var listed = await ItemsAsync(user, threadId);

        using var response = await user.Http.GetAsync(new Uri($"/api/chats/{threadId}/export?format=json", UriKind.Relative));
        var exported = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".json", response.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        Assert.Equal(threadId, (string?)exported["id"]);
        Assert.Equal("search articles about streaming", (string?)exported["title"]);
        Assert.False((bool)exported["items"]!["has_more"]!);
        Assert.True(JsonNode.DeepEquals(listed, exported["items"]!["data"]), $"items.list:\n{listed.ToJsonString()}\nexport:\n{exported["items"]!["data"]!.ToJsonString()}");
    }

    [Fact]
    public async Task Export_without_a_format_is_markdown()
    {
        using var user = await UserClient.CreateGuestAsync(_app);
        var threadId = await user.Http.CreateThreadAsync("Default format");

        using var response = await user.Http.GetAsync(new Uri($"/api/chats/{threadId}/export", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("md")]
    [InlineData("json")]
    public async Task Export_of_another_users_thread_is_not_found(string format)
    {
        using var owner = await UserClient.CreateGuestAsync(_app);
        using var other = await UserClient.CreateGuestAsync(_app);
        var threadId = await owner.Http.CreateThreadAsync("Not yours");

        using var response = await other.Http.GetAsync(new Uri($"/api/chats/{threadId}/export?format={format}", UriKind.Relative));

        Assert.Equal((404, "not_found"), await ChatApiHttp.StatusAndCodeAsync(response));
    }

    [Theory]
    [InlineData("thr_0000000000000000/export?format=pdf", 400, "invalid_request")]
    [InlineData("thr_0000000000000000/export?format=MD", 400, "invalid_request")]
    [InlineData("thr_0000000000000000/export?format=md&format=json", 400, "invalid_request")]
    [InlineData("thr_0000000000000000/export?format=", 400, "invalid_request")]
    [InlineData("thr%20x/export?format=md", 400, "invalid_request")]
    [InlineData("thr%3Cx/export?format=json", 400, "invalid_request")]
    [InlineData("thr_0000000000000000/export?format=md", 404, "not_found")]
    public async Task Bad_export_requests_answer_a_json_error(string path, int status, string code)
    {
        using var user = await UserClient.CreateGuestAsync(_app);

        using var response = await user.Http.GetAsync(new Uri("/api/chats/" + path, UriKind.Relative));

        Assert.Equal((status, code), await ChatApiHttp.StatusAndCodeAsync(response));
    }

    private static async Task<JsonNode> ItemsAsync(UserClient user, string threadId) =>
        (await user.Http.ChatKitJsonAsync(ChatKitRequestJson.Request("items.list", new JsonObject { ["thread_id"] = threadId, ["limit"] = 100, ["order"] = "asc" })))["data"]!;
}
