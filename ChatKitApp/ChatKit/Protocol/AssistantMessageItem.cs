namespace ChatKitApp.ChatKit.Protocol;

public sealed record AssistantMessageItem : ThreadItem
{
    public IReadOnlyList<AssistantMessageContent> Content { get; set; } = [];
}
