namespace ChatKitApp.ChatKit.Protocol;

/// <summary><c>attachments.delete</c>.</summary>
public sealed record AttachmentsDeleteRequest : ChatKitRequest<AttachmentDeleteParams>
{
    public override bool IsStreaming => false;
}
