using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace ChatKitApp.Postgres;

/// <summary>
/// Healthy when the database answers and its schema is current (the newest embedded migration has
/// run: an instance of a newer build on an older schema would fail its queries); reports the schema
/// version. Unhealthy while
/// start-up has not got the database ready (<see cref="PostgresAvailability"/>), even if it answers
/// now: requests are still refused until the migrations have run.
/// </summary>
internal sealed class PostgresHealthCheck(NpgsqlDataSource dataSource, PostgresAvailability availability) : IHealthCheck
{
    private const string VersionSql = "SELECT coalesce(max(version), 0) FROM schema_version";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!availability.IsReady)
        {
            // The reason as text, not the exception: the health service logs an unhealthy result's
            // exception, with its stack trace, at every probe.
            return new HealthCheckResult(
                context.Registration.FailureStatus,
                $"Waiting for the database: the start-up migrations have not run yet ({availability.LastFailure?.Message ?? "not tried yet"}).");
        }

        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var version = await connection.ExecuteScalarAsync<int>(new CommandDefinition(VersionSql, cancellationToken: cancellationToken));
            var expected = PostgresMigration.Embedded[^1].Version;
            if (version < expected)
            {
                return new HealthCheckResult(
                    context.Registration.FailureStatus,
                    $"The schema is at version {version}; this build needs {expected} (migrations pending).",
                    data: new Dictionary<string, object> { ["schema_version"] = version });
            }

            return HealthCheckResult.Healthy(
                $"PostgreSQL {connection.PostgreSqlVersion}, schema version {version}.",
                new Dictionary<string, object> { ["schema_version"] = version });
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"PostgreSQL is unreachable or has no schema ({ex.Message}).");
        }
    }
}
