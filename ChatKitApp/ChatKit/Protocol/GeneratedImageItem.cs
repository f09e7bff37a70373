namespace ChatKitApp.ChatKit.Protocol;

public sealed record GeneratedImageItem : ThreadItem
{
    /// <summary>Null while the image is still being generated.</summary>
    public GeneratedImage? Image { get; init; }
}
