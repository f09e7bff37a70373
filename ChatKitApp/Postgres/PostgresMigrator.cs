using Dapper;
using Npgsql;

namespace ChatKitApp.Postgres;

/// <summary>
/// Brings the schema up to date: applies the migrations not yet recorded in <c>schema_version</c>.
/// Safe when several app instances start at once: everything happens in one transaction that
/// first takes a transaction-scoped advisory lock, so one instance migrates, the others wait and
/// then find nothing to do, and a failure (or a crash) leaves neither a partial schema nor the lock.
/// </summary>
public sealed partial class PostgresMigrator(NpgsqlDataSource dataSource, ILogger<PostgresMigrator> logger)
{
    // The lock is keyed by schema so that separate schemas (test classes, tenants) migrate
    // independently; the class id ("CKIT") keeps it apart from other users of advisory locks.
    private const string LockSql = "SELECT pg_advisory_xact_lock(1128221012, hashtext(coalesce(current_schema(), '')))";

    private const string CreateVersionTableSql = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version    integer     PRIMARY KEY,
            name       text        NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """;

    private const string AppliedSql = "SELECT version FROM schema_version";

    private const string RecordSql = "INSERT INTO schema_version (version, name) VALUES (@Version, @Name)";

    /// <summary>Applies the embedded migrations; returns the schema version afterwards.</summary>
    public Task<int> MigrateAsync(CancellationToken cancellationToken) => MigrateAsync(PostgresMigration.Embedded, cancellationToken);

    /// <summary>Applies <paramref name="migrations"/> that are not recorded yet, in version order.</summary>
    public async Task<int> MigrateAsync(IReadOnlyList<PostgresMigration> migrations, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // No command timeout: waiting for another instance's migration, or a long index build, is
        // expected; start-up cancellation still stops it.
        CommandDefinition Command(string sql, object? args = null) =>
            new(sql, args, transaction, commandTimeout: 0, cancellationToken: cancellationToken);

        await connection.ExecuteAsync(Command(LockSql));
        await connection.ExecuteAsync(Command(CreateVersionTableSql));
        var applied = (await connection.QueryAsync<int>(Command(AppliedSql))).ToHashSet();
        var pending = migrations.Where(m => !applied.Contains(m.Version)).OrderBy(m => m.Version).ToList();
        foreach (var migration in pending)
        {
            LogApplying(logger, migration.Version, migration.Name);
            await connection.ExecuteAsync(Command(migration.Sql));
            await connection.ExecuteAsync(Command(RecordSql, new { migration.Version, migration.Name }));
        }

        await transaction.CommitAsync(cancellationToken);
        var version = applied.Concat(pending.Select(m => m.Version)).DefaultIfEmpty(0).Max();
        LogCurrent(logger, version, pending.Count);
        return version;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying database migration {Version} ({Name}).")]
    private static partial void LogApplying(ILogger logger, int version, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is at version {Version} ({Applied} migrations applied now).")]
    private static partial void LogCurrent(ILogger logger, int version, int applied);
}
