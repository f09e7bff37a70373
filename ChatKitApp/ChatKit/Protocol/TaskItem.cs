namespace ChatKitApp.ChatKit.Protocol;

public sealed record TaskItem : ThreadItem
{
    public required WorkflowTask Task { get; init; }
}
