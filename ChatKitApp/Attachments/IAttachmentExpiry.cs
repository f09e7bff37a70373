namespace ChatKitApp.Attachments;

/// <summary>
/// Uploads that no message references (no thread): created, perhaps uploaded, never sent. They are
/// deleted, metadata and bytes, once older than <see cref="AttachmentOptions.UnattachedRetention"/>,
/// by <see cref="UnattachedAttachmentSweeper"/>. Sent attachments live as long as their thread.
/// </summary>
public interface IAttachmentExpiry
{
    /// <summary>
    /// The user has just created the attachment. Stores that stamp their rows themselves (PostgreSQL's
    /// <c>attachments.created_at</c>) need no note.
    /// </summary>
    void Created(string userId, string attachmentId)
    {
    }

    /// <summary>
    /// Deletes every user's attachments without a thread created before <paramref name="createdBefore"/>,
    /// with their bytes; returns how many, or null when another instance is sweeping right now.
    /// </summary>
    Task<int?> DeleteUnattachedAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken);
}
