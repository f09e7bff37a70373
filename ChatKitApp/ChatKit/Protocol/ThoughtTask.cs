namespace ChatKitApp.ChatKit.Protocol;

public sealed record ThoughtTask : WorkflowTask
{
    public required string Content { get; init; }
}
