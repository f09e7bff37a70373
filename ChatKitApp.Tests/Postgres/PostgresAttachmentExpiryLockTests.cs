using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKitHost;
using ChatKitApp.Postgres;
using ChatKitApp.Tests.Fixtures;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ChatKitApp.Tests.Postgres;

/// <summary>
/// Expiry on PostgreSQL across instances (each its own data source, as separate app processes have):
/// one sweeps at a time under the advisory lock, and the others skip instead of deleting again.
/// </summary>
public sealed class PostgresAttachmentExpiryLockTests(PostgresFixture database) : IClassFixture<PostgresFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly ChatKitRequestContext Alice = new("alice");

    [Fact]
    public async Task A_sweep_while_another_instance_sweeps_skips_and_each_row_is_deleted_once()
    {
        var schema = await database.CreateSchemaAsync();
        var first = database.OpenDataSource(schema);
        await new PostgresMigrator(first, NullLogger<PostgresMigrator>.Instance).MigrateAsync(None);
        var second = new PostgresAttachmentExpiry(database.OpenDataSource(schema));
        await SaveUnsentAsync(first, "atc_one", "atc_two");
        var later = DateTimeOffset.UtcNow.AddHours(25);

        // The first instance is mid-sweep: it holds the lock and has deleted, not yet committed.
        await using (var connection = await first.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            Assert.True(await connection.ExecuteScalarAsync<bool>(PostgresAttachmentExpiry.TryLockSql, transaction: transaction));
            Assert.Equal(2, await connection.ExecuteAsync("DELETE FROM attachments WHERE thread_id IS NULL", transaction: transaction));

            // Skipped at once: without the lock it would wait for this transaction's row locks.
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            Assert.Null(await second.DeleteUnattachedAsync(later, patience.Token));

            await transaction.CommitAsync();
        }

        Assert.Equal(0, await second.DeleteUnattachedAsync(later, None)); // the lock is free again, and nothing is left
        Assert.Equal(0, await CountAsync(first, "attachment_blobs"));
    }

    [Fact]
    public async Task A_sweep_deletes_unsent_rows_with_their_bytes_and_keeps_sent_and_young_ones()
    {
        var dataSource = database.OpenDataSource(await database.CreateSchemaAsync());
        await new PostgresMigrator(dataSource, NullLogger<PostgresMigrator>.Instance).MigrateAsync(None);
        var expiry = new PostgresAttachmentExpiry(dataSource);
        await SaveUnsentAsync(dataSource, "atc_unsent");
        var store = new PostgresStore<ChatKitRequestContext>(dataSource);
        await store.SaveThreadAsync(new ThreadMetadata { Id = "thr_1", CreatedAt = DateTimeOffset.UtcNow }, Alice, None);
        await store.SaveAttachmentAsync(File("atc_sent") with { ThreadId = "thr_1" }, Alice, None);

        Assert.Equal(0, await expiry.DeleteUnattachedAsync(DateTimeOffset.UtcNow.AddHours(-1), None));
        Assert.Equal(1, await expiry.DeleteUnattachedAsync(DateTimeOffset.UtcNow.AddHours(1), None));

        Assert.Equal(["atc_sent"], await IdsAsync(dataSource));
        Assert.Equal(0, await CountAsync(dataSource, "attachment_blobs"));
    }

    [Fact]
    public async Task Migration_0007_dates_existing_unsent_uploads_by_their_bytes()
    {
        var dataSource = database.OpenDataSource(await database.CreateSchemaAsync());
        var migrator = new PostgresMigrator(dataSource, NullLogger<PostgresMigrator>.Instance);
        await migrator.MigrateAsync([.. PostgresMigration.Embedded.Where(m => m.Version < 7)], None);
        await SaveUnsentAsync(dataSource, "atc_old");
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("UPDATE attachment_blobs SET created_at = now() - interval '3 days'");
            await connection.ExecuteAsync("INSERT INTO attachments (user_id, id, thread_id, data) VALUES ('alice', 'atc_no_bytes', NULL, '{}')");
        }

        await migrator.MigrateAsync(None);

        var expiry = new PostgresAttachmentExpiry(dataSource);
        Assert.Equal(1, await expiry.DeleteUnattachedAsync(DateTimeOffset.UtcNow.AddDays(-2), None)); // atc_old, three days old
        Assert.Equal(["atc_no_bytes"], await IdsAsync(dataSource));
    }

    private static FileAttachment File(string id) => new() { Id = id, Name = "notes.txt", MimeType = "text/plain" };

    private static async Task SaveUnsentAsync(NpgsqlDataSource dataSource, params string[] ids)
    {
        var store = new PostgresStore<ChatKitRequestContext>(dataSource);
        var blobs = new PostgresAttachmentBlobStore(dataSource);
        foreach (var id in ids)
        {
            await store.SaveAttachmentAsync(File(id), Alice, None);
            await blobs.SaveAsync(Alice.UserId, id, "hello\n"u8.ToArray(), None);
        }
    }

    private static async Task<List<string>> IdsAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return [.. await connection.QueryAsync<string>("SELECT id FROM attachments ORDER BY id")];
    }

    private static async Task<long> CountAsync(NpgsqlDataSource dataSource, string table)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table}"); // a fixed table name
    }
}
