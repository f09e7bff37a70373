namespace ChatKitApp.ChatKit.Protocol;

public sealed record StructuredInputAnswer
{
    public IReadOnlyList<string> Values { get; init; } = [];

    public bool Skipped { get; init; }
}
