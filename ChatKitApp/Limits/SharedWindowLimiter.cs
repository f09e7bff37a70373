using System.Threading.RateLimiting;

namespace ChatKitApp.Limits;

/// <summary>
/// A fixed-window limiter for one partition (one user) whose count lives in the
/// <see cref="ISharedLimitStore"/>, so every instance spends the same budget. A plug-in for ASP.NET
/// Core's rate limiter: the middleware, the 429 answer and its <c>Retry-After</c> stay the framework's.
/// Windows are aligned to Unix time (window n covers [n·length, (n+1)·length)), so every instance
/// agrees on which window a request falls in without talking to the others.
/// </summary>
public sealed class SharedWindowLimiter(
    ISharedLimitStore store,
    string key,
    int permitLimit,
    TimeSpan window,
    TimeProvider time,
    SharedLimitStoreFailures failures) : RateLimiter
{
    private long _lastUsed = time.GetTimestamp();

    /// <summary>Idle since the last request, so the partitioned limiter drops users who went away.</summary>
    public override TimeSpan? IdleDuration => time.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    /// <summary>
    /// Never acquires: counting needs a round trip, and the rate limiting middleware goes on to
    /// <see cref="AcquireAsyncCore"/> when the synchronous attempt fails.
    /// </summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.NotCounted;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsed, time.GetTimestamp());
        if (permitCount == 0)
        {
            return Lease.Acquired;
        }

        var now = time.GetUtcNow();
        var length = (long)window.TotalMilliseconds;
        var number = now.ToUnixTimeMilliseconds() / length;
        long count;
        try
        {
            count = await store.CountRequestAsync(key, number, window, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // A limits store outage should not refuse every request; the caps come back with the store.
            failures.Report(ex);
            return Lease.Acquired;
        }

        return count <= permitLimit
            ? Lease.Acquired
            : new Lease(false, DateTimeOffset.FromUnixTimeMilliseconds((number + 1) * length) - now);
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static Lease Acquired { get; } = new(true, null);

        public static Lease NotCounted { get; } = new(false, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
