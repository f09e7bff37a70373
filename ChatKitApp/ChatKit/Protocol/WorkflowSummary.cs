namespace ChatKitApp.ChatKit.Protocol;

/// <summary>
/// The protocol's untagged union: <c>{title, icon?}</c> (custom) or <c>{duration}</c> (seconds).
/// One record with optional fields serializes to exactly those shapes because nulls are omitted.
/// </summary>
public sealed record WorkflowSummary
{
    public string? Title { get; init; }

    public string? Icon { get; init; }

    public int? Duration { get; init; }
}
