using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKitHost;
using ChatKitApp.Tests.Fixtures;
using static ChatKitApp.Tests.Fixtures.ServerHarness;

namespace ChatKitApp.Tests.ChatKit.Server;

/// <summary>How a request holds its thread's write lease: renewed while it streams, released when it ends however it ends.</summary>
public sealed class ThreadLeaseTests
{
    [Fact]
    public async Task Lease_is_renewed_while_a_long_response_streams_and_released_when_it_ends()
    {
        var store = new LeaseRecordingStore(new MemoryStore<ChatKitRequestContext>());
        var h = new ServerHarness(store: store, limits: new ChatKitLimits { ThreadLeaseSeconds = 3 }); // renewed every second
        var threadId = await h.NewThreadAsync();
        var gate = new TestGate();
        h.Server.Respond = (_, _, _, ct) => WaitAtGate(gate, ct);

        var stream = h.StreamAsync(new ThreadsAddUserMessageRequest { Params = new() { ThreadId = threadId, Input = Input("long one") } });
        await gate.Reached;
        var holder = await store.Renewed.WaitAsync(TimeSpan.FromSeconds(30)); // a second lease call by the same holder
        gate.Open();
        await stream;

        Assert.Contains(holder, store.Released);
        Assert.True(await store.TryLeaseThreadAsync(threadId, "next", h.Server.Now(), h.Server.Now().AddSeconds(30), Alice, CancellationToken.None));
    }

    [Fact]
    public async Task Lease_is_released_when_the_client_goes_away_mid_stream()
    {
        var store = new LeaseRecordingStore(new MemoryStore<ChatKitRequestContext>());
        var h = new ServerHarness(store: store);
        var threadId = await h.NewThreadAsync();
        var gate = new TestGate();
        h.Server.Respond = (_, _, _, ct) => WaitAtGate(gate, ct);
        using var gone = new CancellationTokenSource();

        var stream = h.StreamAsync(new ThreadsAddUserMessageRequest { Params = new() { ThreadId = threadId, Input = Input("stop me") } }, cancellationToken: gone.Token);
        await gate.Reached;
        await gone.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stream);

        Assert.Equal(2, store.Released.Count); // the thread's creation and this request
        Assert.True(await store.TryLeaseThreadAsync(threadId, "next", h.Server.Now(), h.Server.Now().AddSeconds(30), Alice, CancellationToken.None));
    }

    [Fact]
    public async Task Lease_of_a_finished_turn_is_released_without_any_exception_thrown_inside_the_server()
    {
        var h = new ServerHarness();
        var threadId = await h.NewThreadAsync();
        var thrown = new List<Exception>();
        // Flows into everything the request starts, the lease's renewal loop included, and into no other test.
        var thisTest = new AsyncLocal<bool> { Value = true };
        void Record(object? sender, FirstChanceExceptionEventArgs e)
        {
            if (thisTest.Value)
            {
                lock (thrown)
                {
                    thrown.Add(e.Exception);
                }
            }
        }

        AppDomain.CurrentDomain.FirstChanceException += Record;
        try
        {
            await h.StreamAsync(new ThreadsAddUserMessageRequest { Params = new() { ThreadId = threadId, Input = Input("short one") } });
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= Record;
        }

        Assert.Empty(thrown); // an exception per turn costs more than the rest of the lease's work
    }

    private static async IAsyncEnumerable<ThreadStreamEvent> WaitAtGate(TestGate gate, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await gate.PassAsync().WaitAsync(cancellationToken);
        yield break;
    }

    private sealed class LeaseRecordingStore(IChatKitStore<ChatKitRequestContext> inner) : DelegatingStore(inner)
    {
        private readonly HashSet<string> _holders = [];
        private readonly TaskCompletionSource<string> _renewed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<string> Renewed => _renewed.Task;

        public List<string> Released { get; } = [];

        public override async Task<bool> TryLeaseThreadAsync(
            string threadId, string holder, DateTimeOffset now, DateTimeOffset until, ChatKitRequestContext context, CancellationToken cancellationToken)
        {
            var leased = await base.TryLeaseThreadAsync(threadId, holder, now, until, context, cancellationToken);
            lock (_holders)
            {
                if (!_holders.Add(holder) && leased)
                {
                    _renewed.TrySetResult(holder);
                }
            }

            return leased;
        }

        public override Task ReleaseThreadLeaseAsync(string threadId, string holder, ChatKitRequestContext context, CancellationToken cancellationToken)
        {
            lock (_holders)
            {
                Released.Add(holder);
            }

            return base.ReleaseThreadLeaseAsync(threadId, holder, context, cancellationToken);
        }
    }
}
