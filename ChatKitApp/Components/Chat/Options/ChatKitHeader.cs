namespace ChatKitApp.Components.Chat.Options;

public sealed record ChatKitHeader
{
    public bool Enabled { get; init; } = true;

    public ChatKitHeaderTitle? Title { get; init; }

    /// <summary>An extra button on the header's left.</summary>
    public ChatKitHeaderAction? LeftAction { get; init; }

    /// <summary>An extra button on the header's right.</summary>
    public ChatKitHeaderAction? RightAction { get; init; }
}
