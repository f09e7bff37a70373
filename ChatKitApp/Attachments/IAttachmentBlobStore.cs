namespace ChatKitApp.Attachments;

/// <summary>Attachment bytes, per user. Metadata stays in the ChatKit store.</summary>
public interface IAttachmentBlobStore
{
    Task SaveAsync(string userId, string attachmentId, byte[] content, CancellationToken cancellationToken);

    /// <summary>The bytes, or null when nothing was uploaded (or they belong to someone else).</summary>
    Task<byte[]?> ReadAsync(string userId, string attachmentId, CancellationToken cancellationToken);

    Task DeleteAsync(string userId, string attachmentId, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the bytes of the attachments the ChatKit store has on the thread; called before the store
    /// deletes the thread with their metadata.
    /// </summary>
    Task DeleteThreadAsync(string userId, string threadId, CancellationToken cancellationToken);
}
