namespace ChatKitApp.Components.Chat.Options;

public sealed record ChatKitColors
{
    public ChatKitAccent? Accent { get; init; }
}
