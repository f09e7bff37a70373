namespace ChatKitApp.ChatKit.Protocol;

public sealed record Workflow
{
    public WorkflowType Type { get; init; } = WorkflowType.Custom;

    public IReadOnlyList<WorkflowTask> Tasks { get; init; } = [];

    public WorkflowSummary? Summary { get; init; }

    public bool Expanded { get; init; }
}
