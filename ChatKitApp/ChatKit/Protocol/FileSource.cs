namespace ChatKitApp.ChatKit.Protocol;

public sealed record FileSource : Source
{
    public required string Filename { get; init; }
}
