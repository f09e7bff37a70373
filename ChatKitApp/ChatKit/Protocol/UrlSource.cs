namespace ChatKitApp.ChatKit.Protocol;

public sealed record UrlSource : Source
{
    public required string Url { get; init; }

    public string? Attribution { get; init; }
}
