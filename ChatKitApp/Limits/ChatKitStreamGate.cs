using System.Collections.Concurrent;
using System.Net;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKitHost;
using Microsoft.Extensions.Options;

namespace ChatKitApp.Limits;

/// <summary>
/// Counts open streams per user and per client address, so neither one user nor one machine (which
/// can mint guest users) can hold many model calls and connections at once;
/// <see cref="RateLimitOptions.MaxConcurrentStreamsPerUser"/> and
/// <see cref="RateLimitOptions.MaxConcurrentStreamsPerAddress"/> are the caps. Per instance: with several
/// app instances behind one load balancer, <see cref="SharedStreamGate"/> counts in the shared store instead.
/// </summary>
public sealed class ChatKitStreamGate(IOptions<RateLimitOptions> options) : IChatKitStreamAdmission<ChatKitRequestContext>
{
    private readonly RateLimitOptions _limits = options.Value;
    private readonly OpenCounts _users = new();
    private readonly OpenCounts _addresses = new();

    /// <summary>
    /// A slot to dispose when the stream ends; a 429 <c>too_many_streams</c> when the user, or the
    /// address they connect from (see <see cref="ClientAddress.KeyOf"/>), is at its cap.
    /// </summary>
    public ValueTask<IAsyncDisposable> AdmitAsync(HttpContext httpContext, ChatKitRequestContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IAsyncDisposable>(EnterSlot(context.UserId, httpContext.Connection.RemoteIpAddress));

    /// <inheritdoc cref="AdmitAsync"/>
    public IDisposable Enter(string userId, IPAddress? address) => EnterSlot(userId, address);

    private Slot EnterSlot(string userId, IPAddress? address)
    {
        var user = _limits.MaxConcurrentStreamsPerUser > 0 ? userId : null;
        var addressKey = _limits.MaxConcurrentStreamsPerAddress > 0 ? ClientAddress.KeyOf(address) : null;
        if (user is not null && !_users.TryEnter(user, _limits.MaxConcurrentStreamsPerUser))
        {
            throw UserCapReached(_limits);
        }

        if (addressKey is not null && !_addresses.TryEnter(addressKey, _limits.MaxConcurrentStreamsPerAddress))
        {
            if (user is not null)
            {
                _users.Exit(user);
            }

            throw AddressCapReached(_limits);
        }

        return new Slot(this, user, addressKey);
    }

    /// <summary>The user's open streams (for tests and diagnostics).</summary>
    public int OpenStreams(string userId) => _users.Count(userId);

    /// <summary>The open streams of the address's key (for tests and diagnostics).</summary>
    public int OpenStreamsFrom(IPAddress address) => ClientAddress.KeyOf(address) is { } key ? _addresses.Count(key) : 0;

    /// <summary>The refusal when the user is at <see cref="RateLimitOptions.MaxConcurrentStreamsPerUser"/> (here or in the shared store).</summary>
    internal static ChatKitRequestException UserCapReached(RateLimitOptions limits) =>
        TooMany($"At most {limits.MaxConcurrentStreamsPerUser} responses may stream at once; wait for one to finish.");

    /// <summary>The refusal when the address is at <see cref="RateLimitOptions.MaxConcurrentStreamsPerAddress"/>.</summary>
    internal static ChatKitRequestException AddressCapReached(RateLimitOptions limits) =>
        TooMany($"At most {limits.MaxConcurrentStreamsPerAddress} responses may stream at once from one network address; wait for one to finish.");

    private static ChatKitRequestException TooMany(string message) =>
        new(StatusCodes.Status429TooManyRequests, "too_many_streams", message);

    /// <summary>Open streams per key; keys with none are forgotten so the map does not grow with every user ever seen.</summary>
    private sealed class OpenCounts
    {
        private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);

        public int Count(string key) => _open.TryGetValue(key, out var count) ? count : 0;

        public bool TryEnter(string key, int max)
        {
            while (true)
            {
                var current = _open.GetOrAdd(key, 0);
                if (current >= max)
                {
                    return false;
                }

                if (_open.TryUpdate(key, current + 1, current))
                {
                    return true;
                }
            }
        }

        public void Exit(string key)
        {
            while (true)
            {
                var current = _open[key];
                if (current <= 1)
                {
                    if (_open.TryRemove(new KeyValuePair<string, int>(key, current)))
                    {
                        return;
                    }
                }
                else if (_open.TryUpdate(key, current - 1, current))
                {
                    return;
                }
            }
        }
    }

    private sealed class Slot(ChatKitStreamGate gate, string? userId, string? addressKey) : IDisposable, IAsyncDisposable
    {
        private int _disposed;

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }

            if (userId is not null)
            {
                gate._users.Exit(userId);
            }

            if (addressKey is not null)
            {
                gate._addresses.Exit(addressKey);
            }
        }
    }
}
