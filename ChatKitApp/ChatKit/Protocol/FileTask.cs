namespace ChatKitApp.ChatKit.Protocol;

public sealed record FileTask : WorkflowTask
{
    /// <summary>FileSources; typed as the base so each is written with its <c>type</c>.</summary>
    public IReadOnlyList<Source> Sources { get; set; } = [];
}
