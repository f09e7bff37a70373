using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKitHost;

namespace ChatKitApp.Agents.Turn;

/// <summary>
/// Gives the converter an attachment's bytes so the model can see them (the app's attachment store
/// implements it). Without one, attachments reach the model through what their metadata allows.
/// </summary>
public interface IAttachmentContentSource
{
    /// <summary>The attachment's bytes, or null when they are not available.</summary>
    Task<ReadOnlyMemory<byte>?> ReadAsync(Attachment attachment, ChatKitRequestContext context, CancellationToken cancellationToken);
}
