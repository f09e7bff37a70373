namespace ChatKitApp.Limits;

/// <summary>
/// Reports that the shared limits store did not answer, at most once per half minute and without a
/// stack trace: while it is away every request fails the same way, and on PostgreSQL the app's outage
/// log already reports the database (once, with the exception). Requests and streams go through
/// uncounted meanwhile (<see cref="SharedWindowLimiter"/>, <see cref="SharedStreamGate"/>).
/// </summary>
public sealed partial class SharedLimitStoreFailures(TimeProvider time, ILogger<SharedLimitStoreFailures> logger)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    private long _nextReport = long.MinValue;
    private int _unreported;

    public void Report(Exception exception)
    {
        var now = time.GetUtcNow().UtcTicks;
        var next = Interlocked.Read(ref _nextReport);
        if (now < next || Interlocked.CompareExchange(ref _nextReport, now + Interval.Ticks, next) != next)
        {
            Interlocked.Increment(ref _unreported);
            return;
        }

        LogUnavailable(logger, exception.GetType().Name, exception.Message, Interlocked.Exchange(ref _unreported, 0));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The shared limits store did not answer ({Type}: {Reason}); requests and streams go through uncounted until it does ({Unreported} more failures since the last report).")]
    private static partial void LogUnavailable(ILogger logger, string type, string reason, int unreported);
}
