namespace ChatKitApp.ChatKit.Protocol;

public sealed record StructuredInputAnswer
{
    public IReadOnlyList<string> Values { get; set; } = [];

    public bool Skipped { get; init; }
}
