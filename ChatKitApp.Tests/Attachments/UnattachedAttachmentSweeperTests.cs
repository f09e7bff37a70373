using System.Threading.Channels;
using ChatKitApp.Attachments;
using ChatKitApp.Reliability;
using ChatKitApp.Tests.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatKitApp.Tests.Attachments;

/// <summary>The background service's schedule, on a fake clock whose timers fire when the test advances it.</summary>
public sealed class UnattachedAttachmentSweeperTests
{
    private static readonly AttachmentOptions Options = new() { UnattachedRetention = TimeSpan.FromHours(24), SweepInterval = TimeSpan.FromMinutes(30) };

    [Fact]
    public async Task Every_interval_a_sweep_deletes_what_is_older_than_the_retention()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));
        var expiry = new RecordingExpiry();
        using var sweeper = Sweeper(expiry, clock);
        await sweeper.StartAsync(CancellationToken.None);

        clock.Advance(Options.SweepInterval);
        Assert.Equal(clock.GetUtcNow() - Options.UnattachedRetention, await expiry.NextCutoffAsync());
        clock.Advance(Options.SweepInterval);
        Assert.Equal(clock.GetUtcNow() - Options.UnattachedRetention, await expiry.NextCutoffAsync());

        await sweeper.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_failed_sweep_does_not_stop_the_next_one()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));
        var expiry = new RecordingExpiry { FailNext = true };
        using var sweeper = Sweeper(expiry, clock);
        await sweeper.StartAsync(CancellationToken.None);

        clock.Advance(Options.SweepInterval);
        await expiry.NextCutoffAsync(); // threw
        clock.Advance(Options.SweepInterval);
        Assert.Equal(clock.GetUtcNow() - Options.UnattachedRetention, await expiry.NextCutoffAsync());

        await sweeper.StopAsync(CancellationToken.None);
        Assert.True(sweeper.ExecuteTask!.IsCompletedSuccessfully);
    }

    [Theory]
    [InlineData("UnattachedRetention", "00:00:00")]
    [InlineData("SweepInterval", "00:00:00")]
    public async Task An_invalid_expiry_setting_stops_the_app_at_start_up_naming_it(string setting, string value)
    {
        var error = ChatKitAppFactory.StartupFailure(new() { ["ChatKit:Attachments:" + setting] = value });

        Assert.Contains("ChatKit:Attachments:" + setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tick_in_a_period_another_instance_claimed_does_not_sweep()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));
        var expiry = new RecordingExpiry();
        var schedule = new ScriptedSchedule(false, true);
        using var sweeper = Sweeper(expiry, clock, schedule);
        await sweeper.StartAsync(CancellationToken.None);

        clock.Advance(Options.SweepInterval);
        Assert.Equal((UnattachedAttachmentSweeper.JobName, Options.SweepInterval), await schedule.NextClaimAsync()); // claimed elsewhere: no sweep
        clock.Advance(Options.SweepInterval);
        Assert.Equal((UnattachedAttachmentSweeper.JobName, Options.SweepInterval), await schedule.NextClaimAsync());

        // The first sweep recorded is the second tick's.
        Assert.Equal(clock.GetUtcNow() - Options.UnattachedRetention, await expiry.NextCutoffAsync());
        await sweeper.StopAsync(CancellationToken.None);
    }

    private static UnattachedAttachmentSweeper Sweeper(IAttachmentExpiry expiry, TimeProvider clock, IJobSchedule? schedule = null) =>
        new(expiry, schedule ?? new LocalJobSchedule(), Microsoft.Extensions.Options.Options.Create(Options), clock, NullLogger<UnattachedAttachmentSweeper>.Instance);

    /// <summary>Answers the claims with the given results in turn, and records them.</summary>
    private sealed class ScriptedSchedule(params bool[] answers) : IJobSchedule
    {
        private readonly Channel<(string Job, TimeSpan Period)> _claims = Channel.CreateUnbounded<(string, TimeSpan)>();
        private int _count;

        public ValueTask<bool> TryClaimAsync(string job, TimeSpan period, CancellationToken cancellationToken)
        {
            _claims.Writer.TryWrite((job, period));
            return ValueTask.FromResult(answers[_count++]);
        }

        public async Task<(string Job, TimeSpan Period)> NextClaimAsync() => await _claims.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>Records each sweep's cutoff; throws on the first one when told to.</summary>
    private sealed class RecordingExpiry : IAttachmentExpiry
    {
        private readonly Channel<DateTimeOffset> _cutoffs = Channel.CreateUnbounded<DateTimeOffset>();

        public bool FailNext { get; set; }

        public Task<int?> DeleteUnattachedAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken)
        {
            _cutoffs.Writer.TryWrite(createdBefore);
            if (FailNext)
            {
                FailNext = false;
                throw new InvalidOperationException("The database is away.");
            }

            return Task.FromResult<int?>(0);
        }

        public async Task<DateTimeOffset> NextCutoffAsync() => await _cutoffs.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
    }
}
