namespace ChatKitApp.ChatKit.Protocol;

/// <summary>What the composer sends; attachments are ids here and full objects on the stored item.</summary>
public sealed record UserMessageInput
{
    public required IReadOnlyList<UserMessageContent> Content { get; init; }

    public required IReadOnlyList<string> Attachments { get; init; }

    public string? QuotedText { get; init; }

    public required InferenceOptions InferenceOptions { get; init; }
}
