using ChatKitApp.Attachments;
using Dapper;
using Npgsql;

namespace ChatKitApp.Postgres;

/// <summary>
/// Expiry on PostgreSQL: one <c>DELETE</c> of the attachment rows without a thread whose
/// <c>created_at</c> (stamped on insert, migration 0007) is older than the cutoff; their bytes go with
/// them through the <c>attachment_blobs</c> foreign key. Each sweep runs in a transaction holding an
/// advisory lock, tried and not waited for, so when several instances sweep at once one deletes and
/// the others skip.
/// </summary>
public sealed class PostgresAttachmentExpiry(NpgsqlDataSource dataSource) : IAttachmentExpiry
{
    // Keyed by schema like the migrator's lock, so separate schemas (test classes, tenants) sweep
    // independently; the class id is the migrator's plus one, so a sweep and a migration never wait
    // for each other.
    internal const string TryLockSql = "SELECT pg_try_advisory_xact_lock(1128221013, hashtext(coalesce(current_schema(), '')))";

    // Across users on purpose: this is the one statement that is not scoped by user id, a maintenance
    // job over rows no user can reach any more through a message. Uses attachments_unattached.
    private const string DeleteSql = "DELETE FROM attachments WHERE thread_id IS NULL AND created_at < @CreatedBefore";

    public async Task<int?> DeleteUnattachedAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(TryLockSql, transaction: transaction, cancellationToken: cancellationToken)))
        {
            return null;
        }

        var deleted = await connection.ExecuteAsync(new CommandDefinition(
            DeleteSql, new { CreatedBefore = createdBefore.ToUniversalTime() }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }
}
