namespace ChatKitApp.Components.Chat;

public sealed record ChatKitColors
{
    public ChatKitAccent? Accent { get; init; }
}
