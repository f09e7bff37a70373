using System.Text.Json;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.Sharing;
using Dapper;
using Npgsql;

namespace ChatKitApp.Postgres;

/// <summary>Share links in the <c>shares</c> table (migration 0010): keyed by the token's hash, cascading from <c>threads</c>.</summary>
public sealed class PostgresShareStore(NpgsqlDataSource dataSource) : IShareStore
{
    // A new share of a shared thread replaces its row: the old token stops working in the same statement.
    private const string SaveSql = """
        INSERT INTO shares (token_hash, user_id, thread_id, shared_at, snapshot)
        VALUES (@TokenHash, @UserId, @ThreadId, @SharedAt, @Snapshot::jsonb)
        ON CONFLICT (user_id, thread_id) DO UPDATE
        SET token_hash = excluded.token_hash, shared_at = excluded.shared_at, snapshot = excluded.snapshot
        """;

    private const string RevokeSql = "DELETE FROM shares WHERE user_id = @UserId AND thread_id = @ThreadId";

    private const string FindSql = """
        SELECT user_id AS UserId, thread_id AS ThreadId, shared_at AS SharedAt, snapshot::text AS Snapshot
        FROM shares WHERE token_hash = @TokenHash
        """;

    private const string ForeignKeyViolation = "23503";

    public async Task<bool> SaveAsync(SharedThread share, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(SaveSql, new
            {
                share.TokenHash,
                share.UserId,
                share.ThreadId,
                SharedAt = share.SharedAt.ToUniversalTime(),
                Snapshot = JsonSerializer.Serialize(share.Snapshot, ChatKitJson.StorageType<ChatThread>()),
            }, cancellationToken: cancellationToken));
            return true;
        }
        catch (PostgresException e) when (e.SqlState == ForeignKeyViolation)
        {
            return false; // the thread was deleted between the owner's check and this insert
        }
    }

    public async Task RevokeAsync(string userId, string threadId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(RevokeSql, new { UserId = userId, ThreadId = threadId }, cancellationToken: cancellationToken));
    }

    public async Task<SharedThread?> FindAsync(byte[] tokenHash, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ShareRow>(new CommandDefinition(FindSql, new { TokenHash = tokenHash }, cancellationToken: cancellationToken));
        return row is null
            ? null
            : new SharedThread(
                row.UserId,
                row.ThreadId,
                tokenHash,
                new DateTimeOffset(DateTime.SpecifyKind(row.SharedAt, DateTimeKind.Utc)),
                JsonSerializer.Deserialize(row.Snapshot, ChatKitJson.StorageType<ChatThread>())!);
    }

    private sealed record ShareRow(string UserId, string ThreadId, DateTime SharedAt, string Snapshot);
}
