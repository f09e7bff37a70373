namespace ChatKitApp.ChatKit.Protocol;

/// <summary>Questions put to the user; answered through <c>threads.add_structured_input</c>.</summary>
public sealed record StructuredInputItem : ThreadItem
{
    public StructuredInputStatus Status { get; set; } = StructuredInputStatus.Pending;

    public IReadOnlyList<StructuredInput> Inputs { get; set; } = [];
}
