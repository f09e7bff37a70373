using ChatKitApp.Attachments;
using Dapper;
using Npgsql;

namespace ChatKitApp.Postgres;

/// <summary>
/// Attachment bytes in <c>attachment_blobs</c> (bytea). The attachment's metadata row must exist
/// (attachments.create saves it first); the size cap is checked before anything reaches here.
/// </summary>
public sealed class PostgresAttachmentBlobStore(NpgsqlDataSource dataSource) : IAttachmentBlobStore
{
    private const string SaveSql = """
        INSERT INTO attachment_blobs (user_id, id, content) VALUES (@UserId, @AttachmentId, @Content)
        ON CONFLICT (user_id, id) DO UPDATE SET content = EXCLUDED.content, created_at = now()
        """;

    private const string ReadSql = "SELECT content FROM attachment_blobs WHERE user_id = @UserId AND id = @AttachmentId";

    private const string DeleteSql = "DELETE FROM attachment_blobs WHERE user_id = @UserId AND id = @AttachmentId";

    public async Task SaveAsync(string userId, string attachmentId, byte[] content, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(SaveSql, new { UserId = userId, AttachmentId = attachmentId, Content = content }, cancellationToken: cancellationToken));
    }

    public async Task<byte[]?> ReadAsync(string userId, string attachmentId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<byte[]?>(new CommandDefinition(ReadSql, new { UserId = userId, AttachmentId = attachmentId }, cancellationToken: cancellationToken));
    }

    public async Task DeleteAsync(string userId, string attachmentId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(DeleteSql, new { UserId = userId, AttachmentId = attachmentId }, cancellationToken: cancellationToken));
    }

    // Nothing to send: the store deletes the thread's attachment rows in the statement that deletes the
    // thread, and their bytes follow through the foreign key, in that same transaction.
    public Task DeleteThreadAsync(string userId, string threadId, CancellationToken cancellationToken) => Task.CompletedTask;
}
