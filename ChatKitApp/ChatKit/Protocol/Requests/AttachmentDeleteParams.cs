namespace ChatKitApp.ChatKit.Protocol;

public sealed record AttachmentDeleteParams
{
    public required string AttachmentId { get; init; }
}
