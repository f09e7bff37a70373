namespace ChatKitApp.ChatKit.Protocol;

public sealed record FreeformInput : StructuredInput
{
    public string? Description { get; init; }
}
