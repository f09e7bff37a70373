namespace ChatKitApp.ChatKit.Protocol;

public sealed record WorkflowItem : ThreadItem
{
    public required Workflow Workflow { get; init; }
}
