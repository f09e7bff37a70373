using System.Runtime.CompilerServices;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKitHost;
using ChatKitApp.Tests.Fixtures;
using static ChatKitApp.Tests.Fixtures.ServerHarness;

namespace ChatKitApp.Tests.ChatKit.Server;

/// <summary>
/// Requests that race on one thread end as some serial order of them would: a deleted thread stays
/// deleted, a rename beats a generated title, and requests that change a thread's items run one at a
/// time. Each race is forced with a <see cref="TestGate"/> in the responder or the store, never by
/// timing. "Another instance" is a second server over the same data (for PostgreSQL its own pool).
/// </summary>
public abstract class ThreadRaceTests
{
    private readonly ChatKitRequestContext _user = new($"race_{Guid.NewGuid():N}");

    /// <summary>A store for the first app instance.</summary>
    protected abstract IChatKitStore<ChatKitRequestContext> NewStore();

    /// <summary>A store over the same data for a second app instance.</summary>
    protected abstract IChatKitStore<ChatKitRequestContext> SameData(IChatKitStore<ChatKitRequestContext> store);

    private static CancellationToken None => CancellationToken.None;

    [Fact]
    public async Task Thread_deleted_by_another_instance_while_its_first_reply_streams_stays_deleted()
    {
        var (h, _, events) = await WhileTheFirstReplyWaitsForItsTitleAsync(
            (other, threadId) => other.ProcessAsync(new ThreadsDeleteRequest { Params = new() { ThreadId = threadId } }, _user, None));

        Assert.DoesNotContain(events, e => e is ErrorEvent); // dropped quietly: the user asked for it
        Assert.Empty((await h.Store.LoadThreadsAsync(10, null, SortOrder.Desc, _user, None)).Data);
    }

    [Fact]
    public async Task Rename_racing_delete_never_brings_the_thread_back()
    {
        var store = new PausingStore(NewStore());
        var h = new ServerHarness(store: store);
        var other = new ScriptedChatKitServer(SameData(store));
        var threadId = await h.NewThreadAsync(_user);

        var pause = new TestGate(); // inside the rename: after its read, or before its atomic update
        store.Pause = pause;
        var rename = Record.ExceptionAsync(() => h.JsonAsync(new ThreadsUpdateRequest { Params = new() { ThreadId = threadId, Title = "Renamed" } }, _user));
        await pause.Reached;
        await other.ProcessAsync(new ThreadsDeleteRequest { Params = new() { ThreadId = threadId } }, _user, None);
        pause.Open();

        var error = Assert.IsType<ChatKitRequestException>(await rename);
        Assert.Equal(404, error.StatusCode);
        Assert.Empty((await h.Store.LoadThreadsAsync(10, null, SortOrder.Desc, _user, None)).Data);
        await Assert.ThrowsAsync<NotFoundException>(() => h.Store.LoadThreadAsync(threadId, _user, None));
    }

    [Fact]
    public async Task Retry_while_a_new_message_is_answered_gets_409_thread_busy_and_the_message_survives()
    {
        var h = new ServerHarness(store: NewStore(), limits: new ChatKitLimits { ThreadBusyWaitMilliseconds = 100 });
        var (threadId, u1) = await NewConversationAsync(h);
        var answering = new TestGate();
        h.Server.Respond = (thread, _, _, ct) => Reply(h, thread, "a2", answering, cancellationToken: ct);

        var add = h.StreamAsync(AddMessage(threadId, "u2"), _user);
        await answering.Reached;
        h.Server.Respond = (thread, _, _, ct) => Reply(h, thread, "a1 again", cancellationToken: ct);
        var retry = await Record.ExceptionAsync(() => h.StreamAsync(Retry(threadId, u1), _user));
        answering.Open();
        await add;

        var busy = Assert.IsType<ChatKitRequestException>(retry);
        Assert.Equal((409, "thread_busy"), (busy.StatusCode, busy.Code));
        Assert.Equal(TimeSpan.FromSeconds(1), busy.RetryAfter);
        Assert.Equal(["u1", "a1", "u2", "a2"], await TextsAsync(h, threadId));
    }

    [Fact]
    public async Task Retry_while_a_new_message_is_answered_waits_and_then_runs_after_it()
    {
        var store = new PausingStore(NewStore());
        var h = new ServerHarness(store: store, limits: new ChatKitLimits { ThreadBusyWaitMilliseconds = 60_000 });
        var (threadId, u1) = await NewConversationAsync(h);
        var answering = new TestGate();
        h.Server.Respond = (thread, _, _, ct) => Reply(h, thread, "a2", answering, cancellationToken: ct);

        var add = h.StreamAsync(AddMessage(threadId, "u2"), _user);
        await answering.Reached;
        h.Server.Respond = (thread, _, _, ct) => Reply(h, thread, "a1 again", cancellationToken: ct);
        var retry = h.StreamAsync(Retry(threadId, u1), _user);
        var first = await Task.WhenAny(store.LeaseRefused, retry);
        Assert.Same(store.LeaseRefused, first); // the retry is waiting for the thread, not running beside the answer
        answering.Open();
        await add;
        await retry;

        // The serial order "message, then retry": the retry removes everything after u1.
        Assert.Equal(["u1", "a1 again"], await TextsAsync(h, threadId));
    }

    [Fact]
    public async Task Message_on_a_new_thread_while_its_first_reply_streams_gets_409_thread_busy()
    {
        var h = new ServerHarness(store: NewStore(), limits: new ChatKitLimits { ThreadBusyWaitMilliseconds = 100 });
        var answering = new TestGate();
        h.Server.Respond = (thread, _, _, ct) => Reply(h, thread, "a1", answering, cancellationToken: ct);

        var create = h.StreamAsync(Create("u1"), _user);
        await answering.Reached; // the thread was created with its lease held, in one store call
        var threadId = await OnlyThreadIdAsync(h.Store);
        h.Server.Respond = (thread, _, _, ct) => Reply(h, thread, "a2", cancellationToken: ct);
        var second = await Record.ExceptionAsync(() => h.StreamAsync(AddMessage(threadId, "u2"), _user));
        answering.Open();
        await create;

        var busy = Assert.IsType<ChatKitRequestException>(second);
        Assert.Equal((409, "thread_busy"), (busy.StatusCode, busy.Code));
        Assert.Equal(["u1", "a1"], await TextsAsync(h, threadId));
    }

    [Fact]
    public async Task Rename_while_the_first_reply_streams_wins_over_the_generated_title()
    {
        var (h, threadId, events) = await WhileTheFirstReplyWaitsForItsTitleAsync(
            (other, threadId) => other.ProcessAsync(new ThreadsUpdateRequest { Params = new() { ThreadId = threadId, Title = "Mine" } }, _user, None));

        Assert.Equal("Mine", (await h.Store.LoadThreadAsync(threadId, _user, None)).Title);
        Assert.DoesNotContain(events, e => e is ThreadUpdatedEvent { Thread.Title: "Generated" });
        Assert.Equal(["Hello", "Answer"], await TextsAsync(h, threadId));
    }

    [Fact]
    public async Task Status_set_by_a_reply_is_saved_beside_a_rename_made_while_it_streamed()
    {
        var h = new ServerHarness(store: NewStore());
        var threadId = await h.NewThreadAsync(_user);
        var gate = new TestGate();
        h.Server.Respond = (thread, _, _, ct) => LockAfterGate(thread, gate, ct);

        var stream = h.StreamAsync(AddMessage(threadId, "lock it"), _user);
        await gate.Reached;
        await h.JsonAsync(new ThreadsUpdateRequest { Params = new() { ThreadId = threadId, Title = "Mine" } }, _user);
        gate.Open();
        await stream;

        var stored = await h.Store.LoadThreadAsync(threadId, _user, None);
        Assert.Equal(("Mine", new LockedStatus("done")), (stored.Title, stored.Status));

        static async IAsyncEnumerable<ThreadStreamEvent> LockAfterGate(ThreadMetadata thread, TestGate gate, [EnumeratorCancellation] CancellationToken ct)
        {
            await gate.PassAsync().WaitAsync(ct);
            thread.Status = new LockedStatus("done");
            yield break;
        }
    }

    /// <summary>
    /// Starts a new thread whose reply stops before its generated title (a slow title), runs
    /// <paramref name="meanwhile"/> from a second instance, then lets the reply finish.
    /// </summary>
    private async Task<(ServerHarness H, string ThreadId, List<ThreadStreamEvent> Events)> WhileTheFirstReplyWaitsForItsTitleAsync(
        Func<ScriptedChatKitServer, string, Task> meanwhile)
    {
        var h = new ServerHarness(store: NewStore());
        var other = new ScriptedChatKitServer(SameData(h.Store));
        var slowTitle = new TestGate();
        h.Server.Respond = (thread, _, _, ct) => Reply(h, thread, "Answer", slowTitle, title: "Generated", ct);

        var stream = h.StreamAsync(Create("Hello"), _user);
        await slowTitle.Reached;
        var threadId = await OnlyThreadIdAsync(h.Store);
        await meanwhile(other, threadId);
        slowTitle.Open();
        return (h, threadId, await stream);
    }

    private async Task<(string ThreadId, string U1)> NewConversationAsync(ServerHarness h)
    {
        h.Server.Respond = (thread, _, _, ct) => Reply(h, thread, "a1", cancellationToken: ct);
        var events = await h.StreamAsync(Create("u1"), _user);
        return (Assert.IsType<ThreadCreatedEvent>(events[0]).Thread.Id, Assert.IsType<ThreadItemDoneEvent>(events[1]).Item.Id);
    }

    private async Task<string> OnlyThreadIdAsync(IChatKitStore<ChatKitRequestContext> store) =>
        Assert.Single((await store.LoadThreadsAsync(10, null, SortOrder.Desc, _user, None)).Data).Id;

    private async Task<List<string>> TextsAsync(ServerHarness h, string threadId) =>
        [.. (await h.AllItemsAsync(threadId, _user)).Select(item => item switch
        {
            UserMessageItem user => string.Concat(user.Content.OfType<UserMessageTextContent>().Select(c => c.Text)),
            AssistantMessageItem assistant => string.Concat(assistant.Content.Select(c => c.Text)),
            _ => item.GetType().Name,
        })];

    private static ThreadsAddUserMessageRequest AddMessage(string threadId, string text) =>
        new() { Params = new() { ThreadId = threadId, Input = Input(text) } };

    private static ThreadsRetryAfterItemRequest Retry(string threadId, string itemId) =>
        new() { Params = new() { ThreadId = threadId, ItemId = itemId } };

    /// <summary>An assistant reply; with a gate it stops after its first event (a slow model, a slow title).</summary>
    private static async IAsyncEnumerable<ThreadStreamEvent> Reply(
        ServerHarness h, ThreadMetadata thread, string text, TestGate? gate = null, string? title = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var reply = h.Assistant(thread.Id, text);
        yield return new ThreadItemAddedEvent(reply with { Content = [] });
        if (gate is not null)
        {
            await gate.PassAsync().WaitAsync(cancellationToken);
        }

        if (title is not null)
        {
            thread.Title = title;
        }

        yield return new ThreadItemDoneEvent(reply);
    }

    /// <summary>
    /// Pauses a rename at its <see cref="Pause"/> gate (after the thread is read, or before an atomic
    /// update: wherever the server lets another request in), and reports refused leases.
    /// </summary>
    private sealed class PausingStore(IChatKitStore<ChatKitRequestContext> inner) : DelegatingStore(inner)
    {
        private readonly TaskCompletionSource _leaseRefused = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TestGate? Pause { get; set; }

        public Task LeaseRefused => _leaseRefused.Task;

        public override async Task<ThreadMetadata> LoadThreadAsync(string threadId, ChatKitRequestContext context, CancellationToken cancellationToken)
        {
            var thread = await base.LoadThreadAsync(threadId, context, cancellationToken);
            await PauseOnceAsync();
            return thread;
        }

        public override async Task<ThreadMetadata?> UpdateThreadAsync(
            string threadId, Func<ThreadMetadata, ThreadMetadata> change, ChatKitRequestContext context, CancellationToken cancellationToken)
        {
            await PauseOnceAsync();
            return await base.UpdateThreadAsync(threadId, change, context, cancellationToken);
        }

        public override async Task<bool> TryLeaseThreadAsync(
            string threadId, string holder, DateTimeOffset now, DateTimeOffset until, ChatKitRequestContext context, CancellationToken cancellationToken)
        {
            var leased = await base.TryLeaseThreadAsync(threadId, holder, now, until, context, cancellationToken);
            if (!leased)
            {
                _leaseRefused.TrySetResult();
            }

            return leased;
        }

        private Task PauseOnceAsync()
        {
            var gate = Pause;
            Pause = null;
            return gate?.PassAsync() ?? Task.CompletedTask;
        }
    }
}
