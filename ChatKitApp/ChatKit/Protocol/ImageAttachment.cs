namespace ChatKitApp.ChatKit.Protocol;

public sealed record ImageAttachment : Attachment
{
    public required string PreviewUrl { get; init; }
}
