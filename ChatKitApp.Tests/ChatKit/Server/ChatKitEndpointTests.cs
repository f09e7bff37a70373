using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKitHost;
using ChatKitApp.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace ChatKitApp.Tests.ChatKit.Server;

/// <summary>The /chatkit endpoint through HTTP; run once on each store (see the subclasses).</summary>
public abstract class ChatKitEndpointTests : IAsyncLifetime
{
    private const string CreateBody = """{"type":"threads.create","params":{"input":{"content":[{"type":"input_text","text":"Grüße 🎉\nzweite Zeile"}],"attachments":[],"inference_options":{}}}}""";

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
    protected abstract Task<ChatKitAppFactory> CreateAppAsync(Dictionary<string, string?> settings, Action<ScriptedChatKitServer>? script = null);

    [Fact]
    public async Task Threads_create_streams_sse_frames_in_protocol_order()
    {
        using var response = await PostAsync(CreateBody);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("no-cache", response.Headers.CacheControl!.ToString());
        Assert.Equal("no", response.Headers.GetValues("X-Accel-Buffering").Single());
        var events = SseReader.Parse(await response.Content.ReadAsStringAsync());
        var types = events.Select(e => e["type"]!.GetValue<string>()).ToList();
        Assert.Equal(["thread.created", "thread.item.done", "stream_options", "thread.item.added"], types[..4]);
        Assert.Equal("thread.item.done", types[^1]); // the (demo model's) reply completes the stream
        Assert.Equal("assistant_message", events[^1]["item"]!["type"]!.GetValue<string>());
        Assert.Contains("thread.item.updated", types);
        Assert.Contains("thread.updated", types); // the first turn names the thread
        Assert.Equal("Grüße 🎉\nzweite Zeile", events[1]["item"]!["content"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Sse_body_carries_raw_utf8_and_escaped_newlines()
    {
        using var response = await PostAsync(CreateBody);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        var text = Encoding.UTF8.GetString(bytes);
        Assert.Contains("Grüße 🎉\\nzweite Zeile", text, StringComparison.Ordinal);
        Assert.All(text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries), frame => Assert.Matches(@"^data: \{.*\}$", frame));
    }

    [Fact]
    public async Task Json_requests_answer_application_json_and_void_ones_empty_object()
    {
        using var created = await PostAsync(CreateBody);
        var threadId = SseReader.Parse(await created.Content.ReadAsStringAsync())[0]["thread"]!["id"]!.GetValue<string>();

        using var list = await PostAsync("""{"type":"threads.list","params":{"limit":9999}}""");
        using var delete = await PostAsync("{\"type\":\"threads.delete\",\"params\":{\"thread_id\":\"" + threadId + "\"}}");

        Assert.Equal("application/json", list.Content.Headers.ContentType!.MediaType);
        Assert.Contains(threadId, await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        Assert.Equal("{}", await delete.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("{not json", 400, "invalid_request")]
    [InlineData("""{"type":"threads.nope","params":{}}""", 400, "invalid_request")]
    [InlineData("""{"type":"threads.list"}""", 400, "invalid_request")]
    [InlineData("""{"type":"threads.get_by_id","params":{"thread_id":"thr_missing"}}""", 404, "not_found")]
    [InlineData("""{"type":"threads.add_user_message","params":{"thread_id":"thr_missing","input":{"content":[],"attachments":[],"inference_options":{}}}}""", 404, "not_found")]
    [InlineData("""{"type":"threads.retry_after_item","params":{"thread_id":"thr_missing","item_id":"msg_1"}}""", 404, "not_found")]
    [InlineData("""{"type":"attachments.create","params":{"name":"a.exe","size":1,"mime_type":"application/x-msdownload"}}""", 415, "unsupported_type")]
    public async Task Failures_before_streaming_answer_a_json_error(string body, int status, string code)
    {
        using var response = await PostAsync(body);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal(code, error["code"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(error["message"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("""{"type":"threads.create","params":{"input":{"content":null,"attachments":[],"inference_options":{}}}}""", "$.params.input.content")]
    [InlineData("""{"type":"threads.create","params":{"input":{"content":[],"attachments":[],"inference_options":null}}}""", "$.params.input.inference_options")]
    [InlineData("""{"type":"threads.add_user_message","params":{"thread_id":"{thread}","input":{"content":[{"type":"input_text","text":"x"}],"attachments":null,"inference_options":{}}}}""", "$.params.input.attachments")]
    [InlineData("""{"type":"threads.add_user_message","params":{"thread_id":null,"input":{"content":[{"type":"input_text","text":"x"}],"attachments":[],"inference_options":{}}}}""", "$.params.thread_id")]
    [InlineData("""{"type":"threads.update","params":{"thread_id":"{thread}","title":null}}""", "$.params.title")]
    [InlineData("""{"type":"threads.add_client_tool_output","params":{"thread_id":"{thread}"}}""", "'result'")]
    public async Task Explicit_null_or_missing_key_for_a_required_field_is_a_400_and_stores_nothing(string body, string expected)
    {
        var threadId = await _user.Http.CreateThreadAsync("Keep me");
        using var update = await PostAsync($$$"""{"type":"threads.update","params":{"thread_id":"{{{threadId}}}","title":"Kept title"}}""");
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        var threadBefore = await GetThreadJsonAsync(threadId);

        using var response = await PostAsync(body.Replace("{thread}", threadId, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal("invalid_request", error["code"]!.GetValue<string>());
        Assert.Contains(expected, error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal([threadId], await _user.Http.ListThreadIdsAsync());
        Assert.Equal(threadBefore, await GetThreadJsonAsync(threadId));
    }

    [Theory]
    [InlineData("""{"type":"threads.update","params":{"thread_id":"{thread}","title":"a\u0000b"}}""")]
    [InlineData("""{"type":"threads.add_user_message","params":{"thread_id":"{thread}","input":{"content":[{"type":"input_text","text":"x\u0000"}],"attachments":[],"inference_options":{}}}}""")]
    public async Task Nul_character_on_either_store_is_a_400_and_stores_nothing(string body)
    {
        var threadId = await _user.Http.CreateThreadAsync("Keep me");
        var threadBefore = await GetThreadJsonAsync(threadId);

        using var response = await PostAsync(body.Replace("{thread}", threadId, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal("invalid_request", error["code"]!.GetValue<string>());
        Assert.Contains("NUL", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(threadBefore, await GetThreadJsonAsync(threadId));
    }

    [Fact]
    public async Task Get_does_not_reach_the_protocol()
    {
        using var response = await _user.Http.GetAsync(new Uri("/chatkit", UriKind.Relative));

        Assert.False(response.IsSuccessStatusCode);
        Assert.NotEqual("text/event-stream", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Oversized_body_is_rejected_with_413_and_changes_nothing()
    {
        await using var app = await CreateAppAsync(new() { ["ChatKit:Limits:MaxRequestBytes"] = "200" });
        using var user = await UserClient.CreateGuestAsync(app);
        var client = user.Http;
        var big = CreateBody.Replace("Grüße", new string('x', 500), StringComparison.Ordinal);

        using var response = await client.PostAsync(new Uri("/chatkit", UriKind.Relative), new StringContent(big, Encoding.UTF8, "application/json"));
        using var list = await client.PostAsync(new Uri("/chatkit", UriKind.Relative), new StringContent("""{"type":"threads.list","params":{}}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("request_too_large", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["code"]!.GetValue<string>());
        Assert.Equal("""{"data":[],"has_more":false}""", await list.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Chunked_oversized_body_without_content_length_is_rejected_too()
    {
        await using var app = await CreateAppAsync(new() { ["ChatKit:Limits:MaxRequestBytes"] = "200" });
        using var user = await UserClient.CreateGuestAsync(app);
        var client = user.Http;
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(new string(' ', 1000) + CreateBody)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await client.PostAsync(new Uri("/chatkit", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Message_to_a_thread_another_request_is_writing_gets_409_thread_busy_with_retry_after_and_stores_nothing()
    {
        await using var app = await CreateAppAsync(new() { ["ChatKit:Limits:ThreadBusyWaitMilliseconds"] = "0" });
        using var user = await UserClient.CreateGuestAsync(app);
        var threadId = await user.Http.CreateThreadAsync("first");
        var context = new ChatKitRequestContext(user.UserId);
        var store = app.Services.GetRequiredService<IChatKitStore<ChatKitRequestContext>>();
        var before = (await store.LoadThreadItemsAsync(threadId, null, 100, SortOrder.Asc, context, CancellationToken.None)).Data.Count;
        Assert.True(await store.TryLeaseThreadAsync(threadId, "another request", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(1), context, CancellationToken.None));

        using var response = await user.Http.PostAsync(new Uri("/chatkit", UriKind.Relative), new StringContent(
            """{"type":"threads.add_user_message","params":{"thread_id":"THREAD","input":{"content":[{"type":"input_text","text":"second"}],"attachments":[],"inference_options":{}}}}""".Replace("THREAD", threadId, StringComparison.Ordinal),
            Encoding.UTF8,
            "application/json"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("1", response.Headers.GetValues("Retry-After").Single());
        Assert.Equal("thread_busy", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["code"]!.GetValue<string>());
        Assert.Equal(before, (await store.LoadThreadItemsAsync(threadId, null, 100, SortOrder.Asc, context, CancellationToken.None)).Data.Count);
    }

    [Fact]
    public async Task Responder_failure_mid_stream_is_an_error_event_and_a_clean_end()
    {
        await using var app = await CreateAppAsync([], s => s.Respond = (_, _, _, _) => Failing());
        using var user = await UserClient.CreateGuestAsync(app);
        var client = user.Http;

        using var response = await client.PostAsync(new Uri("/chatkit", UriKind.Relative), new StringContent(CreateBody, Encoding.UTF8, "application/json"));

        var events = SseReader.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("error", events[^1]["type"]!.GetValue<string>());
        Assert.Equal("stream.error", events[^1]["code"]!.GetValue<string>());
        Assert.True(events[^1]["allow_retry"]!.GetValue<bool>());

        static async IAsyncEnumerable<ThreadStreamEvent> Failing()
        {
            await Task.Yield();
            throw new InvalidOperationException("provider down");
#pragma warning disable CS0162 // an iterator needs a yield
            yield break;
#pragma warning restore CS0162
        }
    }

    [Fact]
    public async Task Client_abort_mid_stream_stores_partial_text_and_the_cancellation_marker()
    {
        var aborted = new TaskCompletionSource();
        await using var app = await CreateAppAsync([], s => s.Respond = (thread, _, _, ct) => SlowReply(thread, s, aborted, ct));
        using var user = await UserClient.CreateGuestAsync(app);
        var client = user.Http;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/chatkit") { Content = new StringContent(CreateBody, Encoding.UTF8, "application/json") };

        string? threadId = null;
        using (var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead))
        {
            await foreach (var e in SseReader.ReadAsync(await response.Content.ReadAsStreamAsync()))
            {
                threadId ??= e["thread"]?["id"]?.GetValue<string>();
                if (e["update"]?["type"]?.GetValue<string>() == "assistant_message.content_part.text_delta")
                {
                    break; // the user pressed Stop
                }
            }
        }

        await aborted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var store = app.Services.GetRequiredService<IChatKitStore<ChatKitRequestContext>>();
        var context = new ChatKitRequestContext(user.UserId);
        var items = await WaitForItemsAsync(store, threadId!, context, count: 3);
        Assert.Equal("Partial answer", ((AssistantMessageItem)items[1]).Content[0].Text);
        Assert.Equal(ChatKitServer<ChatKitRequestContext>.CancelledMarker, ((SdkHiddenContextItem)items[2]).Content);
    }

    [Fact]
    public async Task Events_ready_before_the_server_waits_reach_the_client_before_it_waits()
    {
        var gate = new TaskCompletionSource();
        await using var app = await CreateAppAsync([], s => s.Respond = (thread, _, _, ct) => GatedReply(thread, s, gate, ct));
        using var user = await UserClient.CreateGuestAsync(app);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/chatkit") { Content = new StringContent(CreateBody, Encoding.UTF8, "application/json") };
        using var response = await user.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        var types = new List<string>();
        var read = Task.Run(async () =>
        {
            await foreach (var e in SseReader.ReadAsync(await response.Content.ReadAsStreamAsync()))
            {
                types.Add(e["type"]!.GetValue<string>());
                if (e["update"]?["type"]?.GetValue<string>() == "assistant_message.content_part.text_delta")
                {
                    gate.TrySetResult(); // only now may the server go on: the delta arrived while it waited
                }
            }
        });

        await read.WaitAsync(TimeSpan.FromSeconds(10)); // buffered-but-unsent events would hang here
        Assert.Equal(["thread.created", "thread.item.done", "stream_options", "thread.item.added", "thread.item.updated", "thread.item.done"], types);
    }

    [Fact]
    public async Task Silent_stream_sends_keep_alive_comments_until_its_next_event()
    {
        var gate = new TaskCompletionSource();
        await using var app = await CreateAppAsync(new() { ["ChatKit:Limits:KeepAliveSeconds"] = "1" }, s => s.Respond = (thread, _, _, ct) => GatedReply(thread, s, gate, ct));
        using var user = await UserClient.CreateGuestAsync(app);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/chatkit") { Content = new StringContent(CreateBody, Encoding.UTF8, "application/json") };
        using var response = await user.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        var body = new StringBuilder();
        var read = Task.Run(async () =>
        {
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            while (await reader.ReadLineAsync() is { } line)
            {
                body.Append(line).Append('\n');
                if (line.StartsWith(':'))
                {
                    gate.TrySetResult(); // the server may go on only once the silence has been kept alive
                }
            }
        });

        await read.WaitAsync(TimeSpan.FromSeconds(10)); // without keep-alives the server waits for ever
        var text = body.ToString();
        var comment = text.IndexOf("\n\n: keep-alive\n\n", StringComparison.Ordinal);
        Assert.True(comment > text.IndexOf("Before the wait", StringComparison.Ordinal), text);
        Assert.True(comment < text.LastIndexOf("\"thread.item.done\"", StringComparison.Ordinal), text);
        var events = SseReader.Parse(text.Replace(": keep-alive\n\n", "", StringComparison.Ordinal));
        Assert.Equal(["thread.created", "thread.item.done", "stream_options", "thread.item.added", "thread.item.updated", "thread.item.done"], events.Select(e => e["type"]!.GetValue<string>()));
    }

    private static async IAsyncEnumerable<ThreadStreamEvent> GatedReply(
        ThreadMetadata thread, ScriptedChatKitServer server, TaskCompletionSource gate, [EnumeratorCancellation] CancellationToken ct)
    {
        var message = new AssistantMessageItem { Id = "msg_gated", ThreadId = thread.Id, CreatedAt = server.Now() };
        yield return new ThreadItemAddedEvent(message);
        yield return new ThreadItemUpdatedEvent(message.Id, new AssistantMessageContentPartTextDelta(0, "Before the wait"));
        await gate.Task.WaitAsync(ct);
        yield return new ThreadItemDoneEvent(message);
    }

    private static async Task<IReadOnlyList<ThreadItem>> WaitForItemsAsync(IChatKitStore<ChatKitRequestContext> store, string threadId, ChatKitRequestContext context, int count)
    {
        // The cancellation handler runs on the server after the socket closes: poll briefly for its writes.
        for (var attempt = 0; ; attempt++)
        {
            var page = await store.LoadThreadItemsAsync(threadId, null, 100, SortOrder.Asc, context, default);
            if (page.Data.Count >= count || attempt == 100)
            {
                return page.Data;
            }

            await Task.Delay(50);
        }
    }

    private static async IAsyncEnumerable<ThreadStreamEvent> SlowReply(
        ThreadMetadata thread, ScriptedChatKitServer server, TaskCompletionSource aborted, [EnumeratorCancellation] CancellationToken ct)
    {
        var message = new AssistantMessageItem { Id = "msg_slow", ThreadId = thread.Id, CreatedAt = server.Now() };
        yield return new ThreadItemAddedEvent(message);
        yield return new ThreadItemUpdatedEvent(message.Id, new AssistantMessageContentPartTextDelta(0, "Partial answer"));
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
        }
        finally
        {
            aborted.TrySetResult();
        }

        yield return new ThreadItemDoneEvent(message);
    }

    /// <summary>threads.get_by_id's body: the title and the newest items, as the client would see them.</summary>
    private async Task<string> GetThreadJsonAsync(string threadId)
    {
        using var response = await PostAsync($$$"""{"type":"threads.get_by_id","params":{"thread_id":"{{{threadId}}}"}}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<HttpResponseMessage> PostAsync(string body)
    {
        return await _user.Http.PostAsync(new Uri("/chatkit", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
    }
}
