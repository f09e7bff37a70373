using ChatKitApp.Attachments;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKitHost;
using ChatKitApp.Postgres;
using ChatKitApp.Tests.Fixtures;
using Npgsql;

namespace ChatKitApp.Tests.Attachments;

/// <summary>PostgreSQL: the bytes go through the foreign key when the store deletes the thread's attachment rows.</summary>
public sealed class PostgresThreadAttachmentDeletionTests(PostgresFixture database) : ThreadAttachmentDeletionTests, IClassFixture<PostgresFixture>
{
    protected override (IChatKitStore<ChatKitRequestContext> Store, IAttachmentBlobStore Blobs) CreateStores() =>
        (new PostgresStore<ChatKitRequestContext>(database.DataSource), new PostgresAttachmentBlobStore(database.DataSource));

    [Fact]
    public async Task Thread_deletion_leaves_the_bytes_to_the_foreign_key_without_a_statement()
    {
        var closed = NpgsqlDataSource.Create(database.ConnectionString);
        await closed.DisposeAsync();
        var blobs = new PostgresAttachmentBlobStore(closed);

        await blobs.DeleteThreadAsync("alice", "thr_1", CancellationToken.None);

        // Any statement needs a connection, which the disposed source refuses.
        await Assert.ThrowsAsync<ObjectDisposedException>(() => blobs.DeleteAsync("alice", "atc_1", CancellationToken.None));
    }
}
