using ChatKitApp.Postgres;
using ChatKitApp.Tests.Fixtures;
using Microsoft.Extensions.Time.Testing;

namespace ChatKitApp.Tests.Postgres;

/// <summary>The periodic jobs' schedule on PostgreSQL, three instances (each its own pool) on one clock.</summary>
public sealed class PostgresJobScheduleTests(PostgresFixture database) : IClassFixture<PostgresFixture>
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(30);

    [Fact]
    public async Task Three_instances_ticking_in_one_period_run_the_job_once_and_again_next_period()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var instances = Enumerable.Range(0, 3).Select(_ => new PostgresJobSchedule(database.OpenDataSource(database.ConnectionString), clock)).ToArray();
        var job = "job_" + Guid.NewGuid().ToString("N");

        var first = await Task.WhenAll(instances.Select(i => i.TryClaimAsync(job, Period, CancellationToken.None).AsTask()));
        Assert.Single(first, claimed => claimed);

        // The other instances' timers tick later in the same period: nothing to run.
        clock.Advance(Period / 3);
        Assert.False(await instances[1].TryClaimAsync(job, Period, CancellationToken.None));
        clock.Advance(Period / 3);
        Assert.False(await instances[2].TryClaimAsync(job, Period, CancellationToken.None));

        // A tick a moment before the period is over (timers drift) still claims the next one, once.
        clock.Advance((Period / 3) - TimeSpan.FromSeconds(5));
        Assert.True(await instances[1].TryClaimAsync(job, Period, CancellationToken.None));
        Assert.False(await instances[0].TryClaimAsync(job, Period, CancellationToken.None));

        // Another job has a schedule of its own.
        Assert.True(await instances[0].TryClaimAsync(job + "_other", Period, CancellationToken.None));
    }
}
