using ChatKitApp.Limits;
using StackExchange.Redis;

namespace ChatKitApp.Redis;

/// <summary>
/// The limits every instance shares, on Redis (<c>ConnectionStrings:Redis</c>): one script per check,
/// which Redis runs atomically. A request increments its key for the current window (the key expires
/// with the window); a stream's slot is a member of a sorted set per scope, scored by its expiry, so a
/// crashed instance's slots drop out once their score is past. Keys start with <c>chatkit:</c>.
/// </summary>
public sealed class RedisSharedLimits(IConnectionMultiplexer redis) : ISharedLimitStore
{
    private const string Prefix = "chatkit:";

    // KEYS[1] the window's counter; ARGV[1] its lifetime in ms (set by the window's first request).
    private const string CountScript = """
        local n = redis.call('INCR', KEYS[1])
        if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return n
        """;

    // KEYS: the slot's scopes, each a sorted set of slot ids scored by expiry (Unix ms).
    // ARGV[1] the slot id, ARGV[2] now, ARGV[3] the expiry, ARGV[3 + i] the cap of KEYS[i].
    // Returns 0 when taken, else the index of the scope at its cap.
    private const string OpenScript = """
        for i, key in ipairs(KEYS) do
          redis.call('ZREMRANGEBYSCORE', key, '-inf', ARGV[2])
          if redis.call('ZCARD', key) >= tonumber(ARGV[3 + i]) then return i end
        end
        for _, key in ipairs(KEYS) do
          redis.call('ZADD', key, ARGV[3], ARGV[1])
          redis.call('PEXPIREAT', key, ARGV[3], 'GT')
          redis.call('PEXPIREAT', key, ARGV[3], 'NX')
        end
        return 0
        """;

    public async ValueTask<long> CountRequestAsync(string key, long window, TimeSpan windowLength, CancellationToken cancellationToken)
    {
        // Kept one window past its end: an instance whose clock lags may still count in it.
        var result = await redis.GetDatabase().ScriptEvaluateAsync(
            CountScript, [$"{Prefix}{key}:{window}"], [(long)(2 * windowLength.TotalMilliseconds)]).WaitAsync(cancellationToken);
        return (long)result;
    }

    public async ValueTask<StreamCap> TryOpenStreamAsync(SharedStreamSlot slot, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var scopes = slot.Scopes().ToList();
        RedisValue[] args = [slot.Id.ToString("N"), now.ToUnixTimeMilliseconds(), expiresAt.ToUnixTimeMilliseconds(), .. scopes.Select(s => (RedisValue)s.Max)];
        var refused = (int)await redis.GetDatabase().ScriptEvaluateAsync(
            OpenScript, [.. scopes.Select(s => (RedisKey)(Prefix + s.Scope))], args).WaitAsync(cancellationToken);
        return refused == 0 ? StreamCap.None : scopes[refused - 1].Cap;
    }

    public async ValueTask CloseStreamAsync(SharedStreamSlot slot, CancellationToken cancellationToken)
    {
        var database = redis.GetDatabase();
        await Task.WhenAll(slot.Scopes().Select(s => database.SortedSetRemoveAsync(Prefix + s.Scope, slot.Id.ToString("N")))).WaitAsync(cancellationToken);
    }

    public async ValueTask HeartbeatAsync(IReadOnlyCollection<SharedStreamSlot> slots, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        if (slots.Count == 0)
        {
            return; // counters and slot sets expire on their own
        }

        // One batch, one round trip: each slot's new expiry (only if it is still there) and its set's lifetime.
        var batch = redis.GetDatabase().CreateBatch();
        var sent = new List<Task>();
        foreach (var slot in slots)
        {
            foreach (var (scope, _, _) in slot.Scopes())
            {
                sent.Add(batch.SortedSetAddAsync(Prefix + scope, slot.Id.ToString("N"), expiresAt.ToUnixTimeMilliseconds(), SortedSetWhen.Exists));
                sent.Add(batch.KeyExpireAsync(Prefix + scope, expiresAt.UtcDateTime, ExpireWhen.GreaterThanCurrentExpiry));
            }
        }

        batch.Execute();
        await Task.WhenAll(sent).WaitAsync(cancellationToken);
    }
}
