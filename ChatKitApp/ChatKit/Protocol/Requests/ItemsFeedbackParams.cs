namespace ChatKitApp.ChatKit.Protocol;

public sealed record ItemsFeedbackParams
{
    public required string ThreadId { get; init; }

    public required IReadOnlyList<string> ItemIds { get; init; }

    public required FeedbackKind Kind { get; init; }
}
