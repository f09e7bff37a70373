namespace ChatKitApp.ChatKit.Protocol;

public sealed record Workflow
{
    public WorkflowType Type { get; set; } = WorkflowType.Custom;

    public IReadOnlyList<WorkflowTask> Tasks { get; set; } = [];

    public WorkflowSummary? Summary { get; init; }

    public bool Expanded { get; init; }
}
