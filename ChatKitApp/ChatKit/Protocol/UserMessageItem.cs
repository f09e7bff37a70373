namespace ChatKitApp.ChatKit.Protocol;

public sealed record UserMessageItem : ThreadItem
{
    public IReadOnlyList<UserMessageContent> Content { get; init; } = [];

    /// <summary>The full attachments (with <c>thread_id</c> set), not just their ids.</summary>
    public IReadOnlyList<Attachment> Attachments { get; init; } = [];

    public string? QuotedText { get; init; }

    public InferenceOptions InferenceOptions { get; init; } = new();
}
