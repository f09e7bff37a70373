namespace ChatKitApp.ChatKit.Protocol;

public sealed record MultipleChoiceInput : StructuredInput
{
    public required IReadOnlyList<StructuredInputOption> Options { get; init; }

    public bool Multiple { get; init; }
}
