namespace ChatKitApp.ChatKit.Protocol;

public sealed record AttachmentCreateParams
{
    public required string Name { get; init; }

    public required long Size { get; init; }

    public required string MimeType { get; init; }
}
