namespace ChatKitApp.ChatKit.Protocol;

public sealed record FileTask : WorkflowTask
{
    public IReadOnlyList<FileSource> Sources { get; init; } = [];
}
