namespace ChatKitApp.ChatKit.Protocol;

/// <summary><c>attachments.create</c>.</summary>
public sealed record AttachmentsCreateRequest : ChatKitRequest<AttachmentCreateParams>
{
    public override bool IsStreaming => false;
}
