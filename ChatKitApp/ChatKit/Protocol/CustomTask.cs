namespace ChatKitApp.ChatKit.Protocol;

public sealed record CustomTask : WorkflowTask
{
    public string? Icon { get; init; }

    public string? Content { get; init; }
}
