namespace ChatKitApp.Reliability;

/// <summary>
/// Who runs a periodic job this period. Every instance ticks on its own timer; on a shared database only
/// the first to claim a period runs the job in it (<see cref="Postgres.PostgresJobSchedule"/>), so
/// three instances make one run per period, not three. On one instance every claim succeeds.
/// </summary>
public interface IJobSchedule
{
    /// <summary>True when this instance should run <paramref name="job"/> now, once in this <paramref name="period"/>.</summary>
    ValueTask<bool> TryClaimAsync(string job, TimeSpan period, CancellationToken cancellationToken);
}
