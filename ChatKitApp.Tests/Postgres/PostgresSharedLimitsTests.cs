using ChatKitApp.Limits;
using ChatKitApp.Postgres;
using ChatKitApp.Tests.Fixtures;
using ChatKitApp.Tests.Limits;
using Dapper;
using Npgsql;

namespace ChatKitApp.Tests.Postgres;

/// <summary>The shared limits on PostgreSQL (migration 0011), each instance with a pool of its own.</summary>
public sealed class PostgresSharedLimitsTests(PostgresFixture database) : SharedLimitStoreTests, IClassFixture<PostgresFixture>
{
    protected override Task<ISharedLimitStore> NewInstanceAsync() =>
        Task.FromResult<ISharedLimitStore>(new PostgresSharedLimits(database.OpenDataSource(database.ConnectionString)));

    /// <summary>
    /// The race forced: the test holds the scope's advisory lock, so every opener is inside
    /// <c>open_stream_slot</c>, waiting at the same point, before any of them counts; once the lock is
    /// released they go one at a time and exactly the free slots are taken.
    /// </summary>
    [Fact]
    public async Task Openers_all_waiting_on_a_scope_take_only_its_free_slots_once_it_is_released()
    {
        var user = "user:" + Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var instances = new[] { await NewInstanceAsync(), await NewInstanceAsync(), await NewInstanceAsync() };
        Assert.Equal(StreamCap.None, await instances[0].TryOpenStreamAsync(new SharedStreamSlot(Guid.NewGuid(), user, 3, null, 0), now, now.AddMinutes(1), CancellationToken.None));

        await using var holder = await database.DataSource.OpenConnectionAsync();
        await using (var transaction = await holder.BeginTransactionAsync())
        {
            await holder.ExecuteAsync("SELECT pg_advisory_xact_lock(1128221014, hashtext(@User))", new { User = user }, transaction);
            var openers = Enumerable.Range(0, 6)
                .Select(i => instances[i % 3].TryOpenStreamAsync(new SharedStreamSlot(Guid.NewGuid(), user, 3, null, 0), now, now.AddMinutes(1), CancellationToken.None).AsTask())
                .ToList();
            await WaitForLockWaitersAsync(holder, transaction, 6);
            Assert.All(openers, o => Assert.False(o.IsCompleted));
            await transaction.CommitAsync(); // releases the lock

            var answers = await Task.WhenAll(openers);
            Assert.Equal(2, answers.Count(a => a == StreamCap.None));
            Assert.Equal(4, answers.Count(a => a == StreamCap.User));
        }
    }

    [Fact]
    public async Task The_heartbeat_forgets_past_windows_and_expired_slots()
    {
        var store = await NewInstanceAsync();
        var now = DateTimeOffset.UtcNow;
        var key = "requests:" + Guid.NewGuid();
        await store.CountRequestAsync(key, now.ToUnixTimeSeconds() / 60, TimeSpan.FromMinutes(1), CancellationToken.None);
        var user = "user:" + Guid.NewGuid();
        await store.TryOpenStreamAsync(new SharedStreamSlot(Guid.NewGuid(), user, 3, null, 0), now, now.AddMinutes(1), CancellationToken.None);

        await store.HeartbeatAsync([], now.AddMinutes(3), now.AddMinutes(4), CancellationToken.None);

        await using var connection = await database.DataSource.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM request_counts WHERE key = @Key", new { Key = key }));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM stream_slots WHERE scope = @User", new { User = user }));
    }

    /// <summary>Waits until <paramref name="count"/> sessions wait for an advisory lock (a condition on the server, not a guess at timing).</summary>
    private static async Task WaitForLockWaitersAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND classid = 1128221014", transaction: transaction, cancellationToken: timeout.Token)) < count)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
        }
    }
}
