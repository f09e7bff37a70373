using ChatKitApp.Reliability;
using ChatKitApp.Tests.Fixtures;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatKitApp.Tests.Reliability;

public sealed class OutageLogTests : IDisposable
{
    private readonly FixedTimeProvider _clock = new(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly CapturingLoggerProvider _logs = new();
    private readonly OutageLog _log;

    public OutageLogTests() =>
        _log = new OutageLog(_clock, Options.Create(new OutageOptions { LogSummaryInterval = TimeSpan.FromSeconds(5) }), new LoggerFactory([_logs]).CreateLogger<OutageLog>());

    public void Dispose() => _logs.Dispose();

    [Fact]
    public void A_burst_of_failures_gives_one_error_with_the_exception_then_a_summary_per_interval()
    {
        // 4,626 failed requests in 10 s, as in the incident: one every ~2 ms.
        for (var i = 0; i < 4626; i++)
        {
            _log.Failed("database", new InvalidOperationException($"failure {i}"));
            _clock.Now += TimeSpan.FromMilliseconds(10_000.0 / 4626);
        }

        var error = Assert.Single(_logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Equal("failure 0", error.Exception?.Message);
        var summaries = _logs.Entries.Where(e => e.Level == LogLevel.Warning).ToList();
        Assert.Single(summaries); // at 5 s; the next one would be due at 10 s
        Assert.All(summaries, s => Assert.Null(s.Exception));
        Assert.Matches(@"^\d+ requests failed in the last 5s: database unavailable\.$", summaries[0].Message);
        Assert.Equal(2, _logs.Entries.Count);
    }

    [Fact]
    public void Recovery_is_logged_once_with_every_failure_of_the_outage_and_a_new_outage_logs_its_error_again()
    {
        _log.Failed("database", new InvalidOperationException("first"));
        _clock.Now += TimeSpan.FromSeconds(2);
        _log.Failed("database", new InvalidOperationException("second"));
        _clock.Now += TimeSpan.FromSeconds(1);

        _log.Recovered();
        _log.Recovered();
        _log.Failed("database", new InvalidOperationException("next outage"));

        var recovered = Assert.Single(_logs.Entries, e => e.Level == LogLevel.Information);
        Assert.Equal("The database is available again after 3s; 2 requests failed meanwhile.", recovered.Message);
        Assert.Equal(["first", "next outage"], _logs.Entries.Where(e => e.Level == LogLevel.Error).Select(e => e.Exception!.Message));
        Assert.True(_log.IsDown);
    }

    [Fact]
    public void Recovery_without_an_outage_logs_nothing()
    {
        _log.Recovered();

        Assert.Empty(_logs.Entries);
        Assert.False(_log.IsDown);
    }
}
