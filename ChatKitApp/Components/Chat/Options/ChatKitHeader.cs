namespace ChatKitApp.Components.Chat.Options;

public sealed record ChatKitHeader
{
    public bool Enabled { get; init; } = true;

    public ChatKitHeaderTitle? Title { get; init; }
}
