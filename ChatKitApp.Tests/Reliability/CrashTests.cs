using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatKitApp.Agents.Turn;
using ChatKitApp.Tests.Fixtures;

namespace ChatKitApp.Tests.Reliability;

/// <summary>
/// The app killed with SIGKILL while streams are live, on PostgreSQL: nothing runs on the way
/// down (no cancellation handler, no flush), so only what was committed before each event went
/// out can be there after a restart. The real app runs as a child process on its own schema; the
/// model is the fake OpenAI-compatible server in this process, which holds chosen replies open
/// halfway, so the kill lands mid-reply by construction, not by timing.
/// </summary>
public sealed class CrashTests(PostgresFixture database) : IClassFixture<PostgresFixture>
{
    private const int Users = 2;
    private const int ExistingThreads = 10;
    private const int NewThreads = 10;
    private const int LateStreams = 4;

    // The fake model's script, keyed on the user's newest message.
    private const string Finish = "finish";
    private const string Hang = "hang";
    private const string CompleteReply = "A complete reply.";

    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(90);

    // How long a request may keep meeting a busy thread (see SendRetryingBusyAsync).
    private static readonly TimeSpan BusyRetryBudget = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Killing_the_app_mid_reply_keeps_every_acknowledged_item_stores_no_blank_or_duplicate_reply_and_every_thread_answers()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        var ct = timeout.Token;
        await using var model = await FakeOpenAIServer.StartAsync();
        model.When(r => r.IsTitleRequest, FakeReply.Text("Crash test"));
        model.When(r => !r.IsTitleRequest && r.LastUserText.Contains(Hang, StringComparison.Ordinal),
            FakeReply.Text("Half of ", "a reply ") with { HangAfterDeltas = true });
        model.When(r => !r.IsTitleRequest && r.LastUserText.Contains(Finish, StringComparison.Ordinal),
            FakeReply.Text("A complete ", "reply."));

        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:ChatKit"] = await database.CreateSchemaAsync(), // empty: the app migrates it
            ["ChatKit:Model:Provider"] = "OpenAI",
            ["ChatKit:Model:Endpoint"] = model.BaseUrl,
            ["ChatKit:Model:MaxRetries"] = "0",
            ["ChatKit:RateLimits:MaxConcurrentStreamsPerUser"] = "0",
            ["ChatKit:RateLimits:RequestsPerWindow"] = "0",
            ["ChatKit:RateLimits:MaxConcurrentStreamsPerAddress"] = "0", // every user comes from 127.0.0.1
            ["ChatKit:RateLimits:NewGuestsPerAddress"] = "0",

            // The killed instance's thread leases block their threads until they expire; a short
            // lease keeps the test short (the busy-retry below covers the wait either way).
            ["ChatKit:Limits:ThreadLeaseSeconds"] = "5",
        };

        // One cookie jar per user, kept across the restart: the key ring is in the database.
        var jars = Enumerable.Range(0, Users).Select(_ => new CookieContainer()).ToArray();
        var streams = await StreamUntilKilledAsync(settings, jars, ct);

        await using var restarted = await AppProcess.StartAsync(settings, ct);
        var clients = jars.Select(jar => Client(restarted, jar)).ToArray();
        try
        {
            await AssertStoredThreadsAsync(clients, streams, restarted, ct);

            // Every thread, including any the late requests created without telling anyone, answers a new message in full.
            var threads = new List<(int User, string ThreadId)>();
            for (var user = 0; user < Users; user++)
            {
                threads.AddRange((await clients[user].ListThreadIdsAsync()).Select(id => (user, id)));
            }

            var answers = threads
                .Select(t => RecordedStream.Open(clients, t.User, AddUserMessage(t.ThreadId, $"{Finish}: after the crash"), StreamEnd.Complete, ct))
                .ToList();
            await SettleAsync(answers, restarted, ct);
            foreach (var answer in answers)
            {
                var reply = Assert.Single(answer.DoneItems, i => (string?)i["type"] == "assistant_message");
                Assert.Equal(CompleteReply, TextOf(reply));
            }

            // The answers are stored once each, next to everything from before the crash.
            streams.AddRange(answers);
            await AssertStoredThreadsAsync(clients, streams, restarted, ct);
        }
        finally
        {
            DisposeAll(clients);
        }
    }

    /// <summary>
    /// Starts the app, signs the users in, gives them threads with finished turns, opens the burst
    /// of streams and kills the app once each is where its script holds it; returns every stream it opened.
    /// </summary>
    private static async Task<List<RecordedStream>> StreamUntilKilledAsync(Dictionary<string, string> settings, CookieContainer[] jars, CancellationToken ct)
    {
        await using var app = await AppProcess.StartAsync(settings, ct);
        var clients = await SignInAsync(app, jars, ct);
        try
        {
            var existing = Enumerable.Range(0, ExistingThreads)
                .Select(i => RecordedStream.Open(clients, i % Users, ChatKitRequestJson.CreateThread($"{Finish}: existing thread {i}"), StreamEnd.Complete, ct))
                .ToList();
            await SettleAsync(existing, app, ct);

            // The burst: new threads and new messages on the existing ones, a quarter answered in
            // full and the rest held halfway through the reply when the app dies.
            var burst = new List<RecordedStream>();
            for (var i = 0; i < NewThreads + ExistingThreads; i++)
            {
                var finishes = i % 4 == 0;
                var text = $"{(finishes ? Finish : Hang)}: burst message {i}";
                var end = finishes ? StreamEnd.Complete : StreamEnd.MidReply;
                burst.Add(i < NewThreads
                    ? RecordedStream.Open(clients, i % Users, ChatKitRequestJson.CreateThread(text), end, ct)
                    : RecordedStream.Open(clients, existing[i - NewThreads].User, AddUserMessage(existing[i - NewThreads].ThreadId!, text), end, ct));
            }

            await SettleAsync(burst, app, ct);

            // A few more requests in flight as the process dies, caught at whatever step they reached.
            var late = Enumerable.Range(0, LateStreams)
                .Select(i => RecordedStream.Open(clients, i % Users, ChatKitRequestJson.CreateThread($"{Hang}: late thread {i}"), StreamEnd.FirstEvent, ct))
                .ToList();
            await Task.WhenAny(late.Select(s => s.Settled)).WaitAsync(ct);

            app.Kill();
            List<RecordedStream> streams = [.. existing, .. burst, .. late];
            await Task.WhenAll(streams.Select(s => s.Reading)).WaitAsync(ct);
            return streams;
        }
        finally
        {
            DisposeAll(clients);
        }
    }

    /// <summary>
    /// Every thread and item a client was told about is stored as it was sent; no assistant message
    /// is blank, no item id is stored twice and no user message has two replies.
    /// </summary>
    private static async Task AssertStoredThreadsAsync(HttpClient[] clients, List<RecordedStream> streams, AppProcess app, CancellationToken ct)
    {
        var acknowledgedItems = streams.SelectMany(s => s.DoneItems).ToDictionary(i => (string)i["id"]!);
        var seenItemIds = new HashSet<string>();
        for (var user = 0; user < Users; user++)
        {
            var threadIds = await clients[user].ListThreadIdsAsync();
            var acknowledgedThreads = streams.Where(s => s.User == user && s.CreatedThread is not null).ToDictionary(s => s.ThreadId!, s => s.CreatedThread!);
            Assert.Subset(threadIds.ToHashSet(), acknowledgedThreads.Keys.ToHashSet());

            foreach (var threadId in threadIds)
            {
                var thread = await PostJsonAsync(clients[user], ChatKitRequestJson.Request("threads.get_by_id", new JsonObject { ["thread_id"] = threadId }), ct);
                Assert.Equal(threadId, (string?)thread["id"]);
                if (acknowledgedThreads.TryGetValue(threadId, out var created))
                {
                    Assert.Equal((string?)created["created_at"], (string?)thread["created_at"]); // the title may have come since
                }

                var items = await ListItemsAsync(clients[user], threadId, ct);
                var context = $"thread {threadId}: {new JsonArray([.. items.Select(i => i.DeepClone())]).ToJsonString()}\nApp output:\n{app.Output}";
                foreach (var item in items)
                {
                    Assert.True(seenItemIds.Add((string)item["id"]!), $"Item {item["id"]} is stored twice; {context}");
                    if (acknowledgedItems.TryGetValue((string)item["id"]!, out var acknowledged))
                    {
                        Assert.True(JsonNode.DeepEquals(acknowledged, item), $"Stored {item} differs from the acknowledged {acknowledged}; {context}");
                    }
                }

                Assert.False(
                    items.Exists(i => (string?)i["type"] == "assistant_message" && string.IsNullOrWhiteSpace(TextOf(i))),
                    $"A blank assistant message is stored; {context}");

                // The fake model answers each message with one assistant message, so a second one
                // before the next user message is a reply stored twice.
                var repliesInARow = 0;
                foreach (var item in items)
                {
                    repliesInARow = (string?)item["type"] switch
                    {
                        "assistant_message" => repliesInARow + 1,
                        "user_message" => 0,
                        _ => repliesInARow,
                    };
                    Assert.True(repliesInARow <= 1, $"A user message has two replies; {context}");
                }
            }
        }

        var missing = acknowledgedItems.Keys.Where(id => !seenItemIds.Contains(id)).ToList();
        Assert.True(missing.Count == 0, $"Acknowledged items are missing: {string.Join(", ", missing.Select(id => acknowledgedItems[id].ToJsonString()))}\nApp output:\n{app.Output}");
    }

    /// <summary>Waits until each stream reached the point its script stops at; a stream that failed fails the test.</summary>
    private static async Task SettleAsync(List<RecordedStream> streams, AppProcess app, CancellationToken ct)
    {
        try
        {
            await Task.WhenAll(streams.Select(s => s.Settled)).WaitAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new InvalidOperationException($"A stream failed: {ex.Message}\nApp output:\n{app.Output}", ex);
        }
    }

    private static async Task<HttpClient[]> SignInAsync(AppProcess app, CookieContainer[] jars, CancellationToken ct)
    {
        var clients = jars.Select(jar => Client(app, jar)).ToArray();
        foreach (var client in clients)
        {
            using var page = await client.GetAsync(new Uri("/", UriKind.Relative), ct); // a page visit makes a guest
            page.EnsureSuccessStatusCode();
        }

        return clients;
    }

    private static void DisposeAll(HttpClient[] clients)
    {
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    private static HttpClient Client(AppProcess app, CookieContainer jar) =>
        new(new HttpClientHandler { CookieContainer = jar }) { BaseAddress = app.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };

    private static async Task<JsonObject> PostJsonAsync(HttpClient http, JsonObject request, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("/chatkit", request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.IsSuccessStatusCode, $"{request["type"]}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    private static async Task<List<JsonObject>> ListItemsAsync(HttpClient http, string threadId, CancellationToken ct)
    {
        var items = new List<JsonObject>();
        string? after = null;
        do
        {
            var parameters = new JsonObject { ["thread_id"] = threadId, ["order"] = "asc", ["limit"] = 100 };
            if (after is not null)
            {
                parameters["after"] = after;
            }

            var page = await PostJsonAsync(http, ChatKitRequestJson.Request("items.list", parameters), ct);
            items.AddRange(page["data"]!.AsArray().Select(i => i!.AsObject()));
            after = (bool)page["has_more"]! ? (string?)page["after"] : null;
        }
        while (after is not null);

        return items;
    }

    private static JsonObject AddUserMessage(string threadId, string text) =>
        ChatKitRequestJson.Request("threads.add_user_message", new JsonObject { ["thread_id"] = threadId, ["input"] = ChatKitRequestJson.Input(text) });

    private static string TextOf(JsonObject item) =>
        string.Concat((item["content"] as JsonArray ?? []).Select(part => (string?)part?["text"] ?? ""));



    /// <summary>
    /// Sends a streaming request. A thread whose turn the crash cut may be held "busy" for a short
    /// lease until that turn's owner is known to be gone (issue 15's per-thread lease): the server
    /// answers 409 <c>thread_busy</c> with <c>Retry-After</c>, and a client is meant to retry then,
    /// so this does, within <see cref="BusyRetryBudget"/>. Without such a lease the first answer stands.
    /// </summary>
    private static async Task<HttpResponseMessage> SendRetryingBusyAsync(HttpClient http, JsonObject body, CancellationToken ct)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/chatkit", UriKind.Relative)) { Content = JsonContent.Create(body) };
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            if (response.StatusCode != HttpStatusCode.Conflict || waited.Elapsed >= BusyRetryBudget)
            {
                return response;
            }

            var text = await response.Content.ReadAsStringAsync(ct);
            if ((string?)JsonNode.Parse(text)?["error"]?["code"] != "thread_busy")
            {
                return new HttpResponseMessage(response.StatusCode) { Content = new StringContent(text) };
            }

            var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
            response.Dispose();
            await Task.Delay(wait, ct);
        }
    }

    /// <summary>Where a recorded stream's script stops, for <see cref="RecordedStream.Settled"/>.</summary>
    private enum StreamEnd
    {
        /// <summary>The stream ends normally, after the assistant's message is done.</summary>
        Complete,

        /// <summary>The assistant's reply has streamed text (the fake model then holds it open).</summary>
        MidReply,

        /// <summary>Any event arrived.</summary>
        FirstEvent,
    }

    /// <summary>
    /// One ChatKit stream, read in the background: what it acknowledged (the thread it created, the
    /// items it reported done) and when it got as far as its script goes.
    /// </summary>
    private sealed class RecordedStream
    {
        private readonly TaskCompletionSource _settled = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly StreamEnd _end;

        private RecordedStream(int user, string? threadId, StreamEnd end)
        {
            User = user;
            ThreadId = threadId;
            _end = end;
        }

        public int User { get; }

        public string? ThreadId { get; private set; }

        /// <summary>The thread from <c>thread.created</c>, when the stream created one.</summary>
        public JsonObject? CreatedThread { get; private set; }

        /// <summary>The items of the stream's <c>thread.item.done</c> events.</summary>
        public List<JsonObject> DoneItems { get; } = [];

        /// <summary>Completes at the stream's <see cref="StreamEnd"/>; faults if it fails before.</summary>
        public Task Settled => _settled.Task;

        /// <summary>The whole read; it never faults (after the kill every stream breaks off).</summary>
        public Task Reading { get; private set; } = Task.CompletedTask;

        public static RecordedStream Open(HttpClient[] clients, int user, JsonObject body, StreamEnd end, CancellationToken ct)
        {
            var stream = new RecordedStream(user, (string?)body["params"]?["thread_id"], end);
            stream.Reading = stream.ReadAsync(clients[user], body, ct);
            return stream;
        }

        private async Task ReadAsync(HttpClient http, JsonObject body, CancellationToken ct)
        {
            try
            {
                using var response = await SendRetryingBusyAsync(http, body, ct);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"{body["type"]} answered {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
                }

                using var cancel = ct.Register(response.Dispose); // the SSE reader takes no token
                await using var content = await response.Content.ReadAsStreamAsync(ct);
                await foreach (var e in SseReader.ReadAsync(content))
                {
                    Record(e);
                }

                if (_end == StreamEnd.Complete && !DoneItems.Exists(i => (string?)i["type"] == "assistant_message"))
                {
                    throw new InvalidOperationException($"{body["type"]} ended without an assistant message.");
                }

                _settled.TrySetResult();
            }
            catch (Exception ex)
            {
                // Before the stream settled this is a failure (Settled reports it); after, it is the kill.
                _settled.TrySetException(ex);
            }
        }

        private void Record(JsonObject e)
        {
            if (_end == StreamEnd.FirstEvent)
            {
                _settled.TrySetResult();
            }

            switch ((string?)e["type"])
            {
                case "thread.created":
                    CreatedThread = e["thread"]!.AsObject();
                    ThreadId = (string?)CreatedThread["id"];
                    break;
                case "thread.item.done":
                    DoneItems.Add(e["item"]!.AsObject());
                    break;
                case "thread.item.updated" when _end == StreamEnd.MidReply && IsTextDelta(e):
                    _settled.TrySetResult();
                    break;
                case "error":
                    throw new InvalidOperationException($"The stream sent an error: {e}");
            }
        }

        private static bool IsTextDelta(JsonObject e) => (string?)e["update"]?["type"] == "assistant_message.content_part.text_delta";
    }
}
