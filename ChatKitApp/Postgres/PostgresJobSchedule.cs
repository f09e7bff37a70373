using ChatKitApp.Reliability;
using Dapper;
using Npgsql;

namespace ChatKitApp.Postgres;

/// <summary>
/// The periodic jobs' schedule on PostgreSQL (<c>job_schedule</c>, migration 0011): a claim is one
/// upsert that moves the job's <c>next_run_at</c> a period on, and only if it has come, so of the
/// instances whose timers tick within one period exactly one gets the row back. The next run is
/// allowed a tenth of a period early: instances' timers drift, and an instance that ticks a moment
/// before the mark must not leave the job unrun for a whole extra period.
/// </summary>
public sealed class PostgresJobSchedule(NpgsqlDataSource dataSource, TimeProvider time) : IJobSchedule
{
    private const string ClaimSql = """
        INSERT INTO job_schedule AS j (job, next_run_at) VALUES (@Job, @Next)
        ON CONFLICT (job) DO UPDATE SET next_run_at = EXCLUDED.next_run_at WHERE j.next_run_at <= @Now
        RETURNING true
        """;

    public async ValueTask<bool> TryClaimAsync(string job, TimeSpan period, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool?>(new CommandDefinition(
            ClaimSql, new { Job = job, Now = now, Next = now + period - (period / 10) }, cancellationToken: cancellationToken)) == true;
    }
}
