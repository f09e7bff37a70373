namespace ChatKitApp.ChatKit.Protocol;

public sealed record SearchTask : WorkflowTask
{
    public string? TitleQuery { get; init; }

    public IReadOnlyList<string> Queries { get; set; } = [];

    /// <summary>UrlSources; typed as the base so each is written with its <c>type</c>.</summary>
    public IReadOnlyList<Source> Sources { get; set; } = [];
}
