using ChatKitApp.ChatKit.Protocol;

namespace ChatKitApp.ChatKit.Store;

/// <summary>Where attachment bytes live (metadata lives in <see cref="IChatKitStore{TContext}"/>).</summary>
public interface IAttachmentStore<in TContext>
{
    /// <summary>A new attachment id.</summary>
    string GenerateAttachmentId(string mimeType, TContext context) => ChatKitIds.New(StoreItemType.Attachment);

    /// <summary>
    /// Phase one of a two-phase upload: returns the attachment with an upload descriptor
    /// (and a preview URL for images). The server saves its metadata.
    /// </summary>
    Task<Attachment> CreateAttachmentAsync(AttachmentCreateParams input, TContext context, CancellationToken cancellationToken);

    /// <summary>Deletes the stored bytes.</summary>
    Task DeleteAttachmentAsync(string attachmentId, TContext context, CancellationToken cancellationToken);

    /// <summary>
    /// <c>threads.delete</c> is about to delete the thread, and with it the metadata of its attachments
    /// (those whose <c>thread_id</c> names it): delete their bytes unless they go with that metadata by
    /// themselves. The default does nothing, as in the reference.
    /// </summary>
    Task DeleteThreadAttachmentsAsync(string threadId, TContext context, CancellationToken cancellationToken) => Task.CompletedTask;
}
