using Microsoft.Extensions.Options;

namespace ChatKitApp.Reliability;

/// <summary>
/// Logs an outage without flooding the log: the first failed request once, with its exception
/// (Error); then, while the outage lasts, at most one summary line per
/// <see cref="OutageOptions.LogSummaryInterval"/> counting the failures since the last line
/// (Warning, no stack trace); and one line when the service is back (Information).
/// </summary>
public sealed partial class OutageLog(TimeProvider time, IOptions<OutageOptions> options, ILogger<OutageLog> logger)
{
    private readonly Lock _lock = new();
    private bool _down;
    private string _source = "";
    private DateTimeOffset _since;
    private DateTimeOffset _windowStart;
    private int _windowFailures; // failed since the last line, not yet summarized
    private int _totalFailures;

    /// <summary>Whether an outage is going on (a failure was recorded and no recovery since).</summary>
    public bool IsDown
    {
        get
        {
            lock (_lock)
            {
                return _down;
            }
        }
    }

    /// <summary>Records a request that failed because <paramref name="source"/> is unavailable.</summary>
    public void Failed(string source, Exception exception)
    {
        var first = false;
        var summarized = 0;
        var window = TimeSpan.Zero;
        lock (_lock)
        {
            var now = time.GetUtcNow();
            _totalFailures++;
            if (!_down)
            {
                (_down, _source, _since, _windowStart, _windowFailures) = (true, source, now, now, 0);
                first = true;
            }
            else
            {
                _windowFailures++;
                if (now - _windowStart >= options.Value.LogSummaryInterval)
                {
                    (summarized, window) = (_windowFailures, now - _windowStart);
                    (_windowStart, _windowFailures) = (now, 0);
                }
            }
        }

        // Logged outside the lock: a slow log sink must not hold up the requests counting.
        if (first)
        {
            LogOutageStarted(logger, source, exception);
        }
        else if (summarized > 0)
        {
            LogOutageSummary(logger, summarized, window.TotalSeconds, source);
        }
    }

    /// <summary>Records that the service answered again; logs the end of the outage, if there was one.</summary>
    public void Recovered()
    {
        string source;
        TimeSpan duration;
        int failures;
        lock (_lock)
        {
            if (!_down)
            {
                return;
            }

            (source, duration, failures) = (_source, time.GetUtcNow() - _since, _totalFailures);
            (_down, _totalFailures, _windowFailures) = (false, 0, 0);
        }

        LogOutageEnded(logger, source, duration.TotalSeconds, failures);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Source} is unavailable: requests that need it answer 503 until it is back.")]
    private static partial void LogOutageStarted(ILogger logger, string source, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} requests failed in the last {Seconds:0.#}s: {Source} unavailable.")]
    private static partial void LogOutageSummary(ILogger logger, int count, double seconds, string source);

    [LoggerMessage(Level = LogLevel.Information, Message = "The {Source} is available again after {Seconds:0.#}s; {Count} requests failed meanwhile.")]
    private static partial void LogOutageEnded(ILogger logger, string source, double seconds, int count);
}
