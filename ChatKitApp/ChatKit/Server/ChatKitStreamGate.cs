using System.Collections.Concurrent;

namespace ChatKitApp.ChatKit.Server;

/// <summary>
/// Counts each user's open streams so one user cannot hold many model calls (and connections) at
/// once; <see cref="ChatKitLimits.MaxConcurrentStreamsPerUser"/> is the cap. Per instance: with
/// several app instances a user may hold the cap on each.
/// </summary>
public sealed class ChatKitStreamGate(ChatKitLimits limits)
{
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);

    /// <summary>A slot to dispose when the stream ends, or null when the user is at the cap.</summary>
    public IDisposable? TryEnter(string userId)
    {
        var max = limits.MaxConcurrentStreamsPerUser;
        if (max <= 0)
        {
            return NoSlot.Instance;
        }

        while (true)
        {
            var current = _open.GetOrAdd(userId, 0);
            if (current >= max)
            {
                return null;
            }

            if (_open.TryUpdate(userId, current + 1, current))
            {
                return new Slot(this, userId);
            }
        }
    }

    /// <summary>The user's open streams (for tests and diagnostics).</summary>
    public int OpenStreams(string userId) => _open.TryGetValue(userId, out var count) ? count : 0;

    private void Exit(string userId)
    {
        while (true)
        {
            var current = _open[userId];
            if (current <= 1)
            {
                // Forget idle users so the map does not grow with every user ever seen.
                if (_open.TryRemove(new KeyValuePair<string, int>(userId, current)))
                {
                    return;
                }
            }
            else if (_open.TryUpdate(userId, current - 1, current))
            {
                return;
            }
        }
    }

    private sealed class Slot(ChatKitStreamGate gate, string userId) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate.Exit(userId);
            }
        }
    }

    private sealed class NoSlot : IDisposable
    {
        public static NoSlot Instance { get; } = new();

        public void Dispose()
        {
        }
    }
}
