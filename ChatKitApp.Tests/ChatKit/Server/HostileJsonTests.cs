using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ChatKitApp.Tests.Fixtures;

namespace ChatKitApp.Tests.ChatKit.Server;

/// <summary>
/// Request JSON that parses but should not be served: invalid Unicode, duplicate keys. Each is a
/// 400 JSON error before anything is stored, except in the browser's <c>metadata</c>, which is
/// never stored and is sanitised where it is read. Run on each store (see the subclasses).
/// </summary>
public abstract class HostileJsonTests : IAsyncLifetime
{
    private const string Input = """{"content":[{"type":"input_text","text":"Hi"}],"attachments":[],"inference_options":{}}""";

    private ChatKitAppFactory _app = null!;
    private UserClient _user = null!;

    public async Task InitializeAsync()
    {
        _app = await CreateAppAsync();
        _user = await UserClient.CreateGuestAsync(_app);
    }

    public async Task DisposeAsync()
    {
        _user.Dispose();
        await _app.DisposeAsync();
    }

    /// <summary>A new app on a fresh, empty store of the subclass's kind.</summary>
    protected abstract Task<ChatKitAppFactory> CreateAppAsync();

    [Theory]
    [InlineData("""{"type":"\ud800","params":{}}""")]
    [InlineData("""{"type":"threads.list\udfff","params":{}}""")]
    [InlineData("""{"type":"threads.list","params":{"after":"\ud800x"}}""")]
    [InlineData("""{"\ud800":1,"type":"threads.list","params":{}}""")]
    [InlineData("""{"type":"threads.list","\ud83dparams":{}}""")] // found by RequestFuzzTests: a top-level key is compared with 'metadata'
    public async Task Lone_surrogate_in_a_request_is_a_400(string body)
    {
        using var response = await PostAsync(Encoding.UTF8.GetBytes(body));

        await AssertInvalidRequestAsync(response, "surrogate");
    }

    [Theory]
    [InlineData(6)] // inside "type"
    [InlineData(1)] // before the first key
    public async Task Invalid_utf8_in_a_request_is_a_400(int offset)
    {
        var body = Encoding.UTF8.GetBytes("""{"type":"threads.list","params":{}}""");
        body[offset + 3] = 0xFF;

        using var response = await PostAsync(body);

        await AssertInvalidRequestAsync(response, "UTF-8");
    }

    [Theory]
    [InlineData("""{"type":"threads.list","type":"threads.list","params":{}}""", "'type'")]
    [InlineData("""{"type":"threads.list","params":{},"params":{}}""", "'params'")]
    [InlineData("""{"type":"threads.list","params":{"limit":1,"limit":2}}""", "'limit'")]
    [InlineData("""{"type":"threads.list","params":{},"metadata":{"page":{"title":"a","title":"b"}}}""", "'title'")]
    public async Task Duplicate_key_anywhere_is_a_400(string body, string name)
    {
        using var response = await PostAsync(Encoding.UTF8.GetBytes(body));

        await AssertInvalidRequestAsync(response, name);
    }

    [Fact]
    public async Task Duplicate_key_in_a_new_message_is_a_400_and_stores_nothing()
    {
        var duplicated = """{"content":[{"type":"input_text","text":"a","text":"b"}],"attachments":[],"inference_options":{}}""";

        using var response = await PostAsync(Encoding.UTF8.GetBytes("""{"type":"threads.create","params":{"input":""" + duplicated + "}}"));

        await AssertInvalidRequestAsync(response, "'text'");
        Assert.Empty(await _user.Http.ListThreadIdsAsync());
    }

    [Theory]
    [InlineData("""{"type":"input_tag","id":"t1","text":"tag","data":{"note":"\ud800"}}""")]
    [InlineData("""{"type":"input_tag","id":"t1","text":"tag","data":{"\udc00":"x"}}""")]
    [InlineData("""{"type":"input_tag","id":"t1","text":"tag","data":{"a":1,"a":2}}""")]
    [InlineData("""{"type":"input_text","text":"\ud83d"}""")]
    public async Task Bad_content_in_threads_create_is_a_400_and_leaves_no_thread(string part)
    {
        var body = """{"type":"threads.create","params":{"input":{"content":[""" + part + """],"attachments":[],"inference_options":{}}}}""";

        using var response = await PostAsync(Encoding.UTF8.GetBytes(body));

        await AssertInvalidRequestAsync(response, "");
        Assert.Empty(await _user.Http.ListThreadIdsAsync());
    }

    [Theory]
    [InlineData("""{"type":"input_tag","id":"t1","text":"tag","data":{"note":"\ud800"}}""")]
    [InlineData("""{"type":"input_text","text":"\udbff\udbff"}""")]
    public async Task Bad_content_in_add_user_message_is_a_400_and_stores_nothing(string part)
    {
        var threadId = await _user.Http.CreateThreadAsync("Keep me");
        var before = await GetThreadJsonAsync(threadId);
        var body = $$$"""{"type":"threads.add_user_message","params":{"thread_id":"{{{threadId}}}","input":{"content":[""" + part + """],"attachments":[],"inference_options":{}}}}""";

        using var response = await PostAsync(Encoding.UTF8.GetBytes(body));

        await AssertInvalidRequestAsync(response, "");
        Assert.Equal([threadId], await _user.Http.ListThreadIdsAsync());
        Assert.Equal(before, await GetThreadJsonAsync(threadId));
    }

    [Fact]
    public async Task Lone_surrogates_in_page_context_and_time_zone_are_replaced_and_the_turn_is_answered()
    {
        // A browser cuts the selection at a UTF-16 length, which can split an emoji's surrogate pair.
        var metadata = """{"page":{"title":"Emoji \ud83d","selection":"cut \ud83d","headings":["\udc00head"]},"time_zone":"Europe/Berlin\ud800"}""";
        var body = """{"type":"threads.create","params":{"input":""" + Input + """},"metadata":""" + metadata + "}";

        using var response = await PostAsync(Encoding.UTF8.GetBytes(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var events = SseReader.Parse(await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(events, e => (string?)e["type"] == "error");
        var reply = events.Last(e => (string?)e["type"] == "thread.item.done")["item"]!;
        Assert.Equal("assistant_message", (string?)reply["type"]);
        Assert.Contains("Emoji \uFFFD", reply["content"]![0]!["text"]!.GetValue<string>(), StringComparison.Ordinal); // the demo names the page
        var threadId = (string)events[0]["thread"]!["id"]!;
        var items = JsonNode.Parse(await GetThreadJsonAsync(threadId))!["items"]!["data"]!.AsArray();
        Assert.Equal(["user_message", "assistant_message"], items.Select(i => (string)i!["type"]!));
    }

    private async Task<HttpResponseMessage> PostAsync(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await _user.Http.PostAsync(new Uri("/chatkit", UriKind.Relative), content);
    }

    private async Task<string> GetThreadJsonAsync(string threadId)
    {
        using var response = await PostAsync(Encoding.UTF8.GetBytes($$$"""{"type":"threads.get_by_id","params":{"thread_id":"{{{threadId}}}"}}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task AssertInvalidRequestAsync(HttpResponseMessage response, string messagePart)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var error = JsonNode.Parse(body)!["error"]!;
        Assert.Equal("invalid_request", (string?)error["code"]);
        Assert.Contains(messagePart, (string)error["message"]!, StringComparison.Ordinal);
    }
}
