using System.Net;
using System.Threading.Channels;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKitHost;
using ChatKitApp.Limits;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatKitApp.Tests.Limits;

/// <summary>The gate in front of a shared store, on a recording store and a fake clock.</summary>
public sealed class SharedStreamGateTests
{
    private static readonly RateLimitOptions Limits = new() { MaxConcurrentStreamsPerUser = 3, MaxConcurrentStreamsPerAddress = 20, StreamSlotLease = TimeSpan.FromSeconds(30) };
    private static readonly ChatKitRequestContext Alice = new("alice");

    [Fact]
    public async Task A_stream_counts_under_the_user_and_the_address_and_its_slot_is_closed_once()
    {
        var store = new RecordingStore();
        var gate = Gate(store, new FakeTimeProvider());

        var slot = await gate.AdmitAsync(From("203.0.113.7"), Alice, CancellationToken.None);
        await slot.DisposeAsync();
        await slot.DisposeAsync();

        var opened = Assert.Single(store.Opened);
        Assert.Equal(("user:alice", 3, "address:203.0.113.7", 20), (opened.UserScope, opened.MaxPerUser, opened.AddressScope, opened.MaxPerAddress));
        Assert.Equal([opened], store.Closed);
        Assert.Empty(gate.OpenSlots);
    }

    [Fact]
    public async Task A_cap_reached_on_another_instance_refuses_with_429_too_many_streams()
    {
        var gate = Gate(new RecordingStore { Answer = StreamCap.User }, new FakeTimeProvider());

        var refused = await Assert.ThrowsAsync<ChatKitRequestException>(() => gate.AdmitAsync(From("203.0.113.7"), Alice, CancellationToken.None).AsTask());

        Assert.Equal((429, "too_many_streams"), (refused.StatusCode, refused.Code));
        Assert.Empty(gate.OpenSlots);
    }

    [Fact]
    public async Task A_store_that_does_not_answer_lets_the_stream_open_uncounted()
    {
        var gate = Gate(new RecordingStore { Fail = true }, new FakeTimeProvider());

        var slot = await gate.AdmitAsync(From("203.0.113.7"), Alice, CancellationToken.None);

        Assert.Empty(gate.OpenSlots);
        await slot.DisposeAsync();
    }

    [Fact]
    public async Task The_renewer_renews_the_open_slots_every_third_of_the_lease_and_not_the_closed_ones()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));
        var store = new RecordingStore();
        var gate = Gate(store, clock);
        await using var open = await gate.AdmitAsync(From("203.0.113.7"), Alice, CancellationToken.None);
        var closed = await gate.AdmitAsync(From("203.0.113.8"), Alice, CancellationToken.None);
        await closed.DisposeAsync();
        using var renewer = new SharedStreamSlotRenewer(gate, Options.Create(Limits), clock, NullLogger<SharedStreamSlotRenewer>.Instance);
        await renewer.StartAsync(CancellationToken.None);

        clock.Advance(Limits.StreamSlotLease / 3);
        var (slots, expiresAt) = await store.NextHeartbeatAsync();

        Assert.Equal([store.Opened[0]], slots);
        Assert.Equal(clock.GetUtcNow() + Limits.StreamSlotLease, expiresAt);
        await renewer.StopAsync(CancellationToken.None);
    }

    private static SharedStreamGate Gate(ISharedLimitStore store, TimeProvider clock) =>
        new(store, Options.Create(Limits), clock, new SharedLimitStoreFailures(clock, NullLogger<SharedLimitStoreFailures>.Instance));

    private static DefaultHttpContext From(string address) => new() { Connection = { RemoteIpAddress = IPAddress.Parse(address) } };

    /// <summary>Records what the gate asks; answers every open with <see cref="Answer"/>, or fails when told to.</summary>
    private sealed class RecordingStore : ISharedLimitStore
    {
        private readonly Channel<(SharedStreamSlot[] Slots, DateTimeOffset ExpiresAt)> _heartbeats = Channel.CreateUnbounded<(SharedStreamSlot[], DateTimeOffset)>();

        public StreamCap Answer { get; init; }

        public bool Fail { get; init; }

        public List<SharedStreamSlot> Opened { get; } = [];

        public List<SharedStreamSlot> Closed { get; } = [];

        public ValueTask<long> CountRequestAsync(string key, long window, TimeSpan windowLength, CancellationToken cancellationToken) => ValueTask.FromResult(1L);

        public ValueTask<StreamCap> TryOpenStreamAsync(SharedStreamSlot slot, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken)
        {
            if (Fail)
            {
                throw new TimeoutException("The store is away.");
            }

            Opened.Add(slot);
            return ValueTask.FromResult(Answer);
        }

        public ValueTask CloseStreamAsync(SharedStreamSlot slot, CancellationToken cancellationToken)
        {
            Closed.Add(slot);
            return ValueTask.CompletedTask;
        }

        public ValueTask HeartbeatAsync(IReadOnlyCollection<SharedStreamSlot> slots, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken)
        {
            _heartbeats.Writer.TryWrite(([.. slots], expiresAt));
            return ValueTask.CompletedTask;
        }

        public async Task<(SharedStreamSlot[] Slots, DateTimeOffset ExpiresAt)> NextHeartbeatAsync() =>
            await _heartbeats.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
    }
}
