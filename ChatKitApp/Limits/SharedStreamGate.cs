using System.Collections.Concurrent;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKitHost;
using Microsoft.Extensions.Options;

namespace ChatKitApp.Limits;

/// <summary>
/// The open-stream caps of <see cref="ChatKitStreamGate"/>, counted in the <see cref="ISharedLimitStore"/>
/// that every instance uses, so a user holds at most <see cref="RateLimitOptions.MaxConcurrentStreamsPerUser"/>
/// streams across all of them. Each slot carries an expiry that this instance renews while the stream
/// is open (<see cref="SharedStreamSlotRenewer"/>): a crashed instance cannot close its slots, and they
/// stop counting once their expiry passes.
/// </summary>
public sealed class SharedStreamGate(
    ISharedLimitStore store,
    IOptions<RateLimitOptions> options,
    TimeProvider time,
    SharedLimitStoreFailures failures) : IChatKitStreamAdmission<ChatKitRequestContext>
{
    private readonly RateLimitOptions _limits = options.Value;
    private readonly ConcurrentDictionary<Guid, SharedStreamSlot> _open = new();

    /// <summary>
    /// A slot in the shared store, or a 429 <c>too_many_streams</c> when the user or the address is at
    /// its cap on any instance. A store that does not answer lets the stream open (logged): a limits
    /// store outage should not stop every chat.
    /// </summary>
    public async ValueTask<IAsyncDisposable> AdmitAsync(HttpContext httpContext, ChatKitRequestContext context, CancellationToken cancellationToken)
    {
        var address = _limits.MaxConcurrentStreamsPerAddress > 0 ? ClientAddress.KeyOf(httpContext.Connection.RemoteIpAddress) : null;
        var slot = new SharedStreamSlot(
            Guid.NewGuid(),
            _limits.MaxConcurrentStreamsPerUser > 0 ? "user:" + context.UserId : null,
            _limits.MaxConcurrentStreamsPerUser,
            address is null ? null : "address:" + address,
            _limits.MaxConcurrentStreamsPerAddress);
        if (slot.UserScope is null && slot.AddressScope is null)
        {
            return NoSlot.Instance;
        }

        var now = time.GetUtcNow();
        StreamCap refused;
        try
        {
            refused = await store.TryOpenStreamAsync(slot, now, now + _limits.StreamSlotLease, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            failures.Report(ex);
            return NoSlot.Instance;
        }

        switch (refused)
        {
            case StreamCap.User:
                throw ChatKitStreamGate.UserCapReached(_limits);
            case StreamCap.Address:
                throw ChatKitStreamGate.AddressCapReached(_limits);
        }

        _open[slot.Id] = slot;
        return new Slot(this, slot);
    }

    /// <summary>This instance's open slots (the ones it renews).</summary>
    public IReadOnlyCollection<SharedStreamSlot> OpenSlots => _open.Values.ToArray();

    /// <summary>Renews this instance's open slots and lets the store forget expired counts.</summary>
    public async Task HeartbeatAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await store.HeartbeatAsync(OpenSlots, now, now + _limits.StreamSlotLease, cancellationToken);
    }

    private async ValueTask CloseAsync(SharedStreamSlot slot)
    {
        // Forgotten first: a slot whose close fails is not renewed either, so it expires on its own.
        _open.TryRemove(slot.Id, out _);
        try
        {
            // Not the request's token: the client may be gone, and the slot must still be given back.
            await store.CloseStreamAsync(slot, CancellationToken.None);
        }
        catch (Exception ex)
        {
            failures.Report(ex); // the slot stops counting when it expires, within StreamSlotLease
        }
    }

    private sealed class Slot(SharedStreamGate gate, SharedStreamSlot slot) : IAsyncDisposable
    {
        private int _disposed;

        public ValueTask DisposeAsync() =>
            Interlocked.Exchange(ref _disposed, 1) == 0 ? gate.CloseAsync(slot) : ValueTask.CompletedTask;
    }

    private sealed class NoSlot : IAsyncDisposable
    {
        public static NoSlot Instance { get; } = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
