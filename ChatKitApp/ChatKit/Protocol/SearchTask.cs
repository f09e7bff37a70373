namespace ChatKitApp.ChatKit.Protocol;

public sealed record SearchTask : WorkflowTask
{
    public string? TitleQuery { get; init; }

    public IReadOnlyList<string> Queries { get; init; } = [];

    public IReadOnlyList<UrlSource> Sources { get; init; } = [];
}
