using ChatKitApp.Limits;
using ChatKitApp.Tests.Fixtures;
using Microsoft.Extensions.Logging;

namespace ChatKitApp.Tests.Limits;

/// <summary>The shared store's failures reported without flooding the log.</summary>
public sealed class SharedLimitStoreFailuresTests
{
    [Fact]
    public void Failures_within_half_a_minute_give_one_warning_without_a_stack_trace_and_the_next_counts_the_rest()
    {
        var clock = new FixedTimeProvider(DateTimeOffset.UtcNow);
        using var logs = new CapturingLoggerProvider();
        var failures = new SharedLimitStoreFailures(clock, new Logger<SharedLimitStoreFailures>(new LoggerFactory([logs])));

        for (var i = 0; i < 10; i++)
        {
            failures.Report(new TimeoutException("The store is away."));
            clock.Now += TimeSpan.FromSeconds(2);
        }

        var first = Assert.Single(logs.Entries);
        Assert.Equal((LogLevel.Warning, null), (first.Level, first.Exception));
        Assert.Contains("TimeoutException: The store is away.", first.Message, StringComparison.Ordinal);

        clock.Now += TimeSpan.FromSeconds(30);
        failures.Report(new TimeoutException("The store is away."));
        Assert.Equal(2, logs.Entries.Count);
        Assert.Contains("(9 more failures since the last report)", logs.Entries[1].Message, StringComparison.Ordinal);
    }
}
