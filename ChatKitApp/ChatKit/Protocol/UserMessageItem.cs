namespace ChatKitApp.ChatKit.Protocol;

public sealed record UserMessageItem : ThreadItem
{
    public IReadOnlyList<UserMessageContent> Content { get; set; } = [];

    /// <summary>The full attachments (with <c>thread_id</c> set), not just their ids.</summary>
    public IReadOnlyList<Attachment> Attachments { get; set; } = [];

    public string? QuotedText { get; init; }

    public InferenceOptions InferenceOptions { get; set; } = new();
}
