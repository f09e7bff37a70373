namespace ChatKitApp.Components.Chat.Options;

public sealed record ChatKitColors
{
    public ChatKitGrayscale? Grayscale { get; init; }

    public ChatKitAccent? Accent { get; init; }

    public ChatKitSurface? Surface { get; init; }
}
