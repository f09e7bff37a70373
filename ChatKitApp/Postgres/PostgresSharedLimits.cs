using ChatKitApp.Limits;
using Dapper;
using Npgsql;

namespace ChatKitApp.Postgres;

/// <summary>
/// The limits every instance shares, on PostgreSQL (migration 0011): one statement per check. A
/// request is one upsert on its key's row in <c>request_counts</c>; opening a stream is one call of
/// <c>open_stream_slot</c>, which counts and inserts under a per-scope advisory lock so two instances
/// cannot both take the last slot; closing is one delete; each instance's heartbeat renews its slots
/// and deletes what expired.
/// </summary>
public sealed class PostgresSharedLimits(NpgsqlDataSource dataSource) : ISharedLimitStore
{
    private const string CountSql = """
        INSERT INTO request_counts AS c (key, window_no, requests, expires_at) VALUES (@Key, @Window, 1, @ExpiresAt)
        ON CONFLICT (key) DO UPDATE SET
            requests = CASE WHEN c.window_no >= EXCLUDED.window_no THEN c.requests + 1 ELSE 1 END,
            window_no = GREATEST(c.window_no, EXCLUDED.window_no),
            expires_at = GREATEST(c.expires_at, EXCLUDED.expires_at)
        RETURNING requests
        """;

    private const string OpenSql = "SELECT open_stream_slot(@Id, @UserScope, @MaxPerUser, @AddressScope, @MaxPerAddress, @Now, @ExpiresAt)";

    private const string CloseSql = "DELETE FROM stream_slots WHERE id = @Id";

    private const string RenewSql = "UPDATE stream_slots SET expires_at = $1 WHERE id = ANY($2)";

    // Across users on purpose, like the attachment sweep: rows no request can count any more.
    private const string ForgetCountsSql = "DELETE FROM request_counts WHERE expires_at < $1";

    private const string ForgetSlotsSql = "DELETE FROM stream_slots WHERE expires_at < $1";

    public async ValueTask<long> CountRequestAsync(string key, long window, TimeSpan windowLength, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var windowEnd = DateTimeOffset.FromUnixTimeMilliseconds((window + 1) * (long)windowLength.TotalMilliseconds);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            CountSql, new { Key = key, Window = window, ExpiresAt = windowEnd }, cancellationToken: cancellationToken));
    }

    public async ValueTask<StreamCap> TryOpenStreamAsync(SharedStreamSlot slot, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (StreamCap)await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            OpenSql,
            new { slot.Id, slot.UserScope, slot.MaxPerUser, slot.AddressScope, slot.MaxPerAddress, Now = now, ExpiresAt = expiresAt },
            cancellationToken: cancellationToken));
    }

    public async ValueTask CloseStreamAsync(SharedStreamSlot slot, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(CloseSql, new { slot.Id }, cancellationToken: cancellationToken));
    }

    public async ValueTask HeartbeatAsync(IReadOnlyCollection<SharedStreamSlot> slots, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        if (slots.Count > 0)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(RenewSql) { Parameters = { new() { Value = expiresAt }, new() { Value = slots.Select(s => s.Id).ToArray() } } });
        }

        batch.BatchCommands.Add(new NpgsqlBatchCommand(ForgetCountsSql) { Parameters = { new() { Value = now } } });
        batch.BatchCommands.Add(new NpgsqlBatchCommand(ForgetSlotsSql) { Parameters = { new() { Value = now } } });
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }
}
