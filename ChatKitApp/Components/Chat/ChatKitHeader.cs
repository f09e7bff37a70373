namespace ChatKitApp.Components.Chat;

public sealed record ChatKitHeader
{
    public bool Enabled { get; init; } = true;

    public ChatKitHeaderTitle? Title { get; init; }
}
