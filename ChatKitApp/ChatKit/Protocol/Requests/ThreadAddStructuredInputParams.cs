namespace ChatKitApp.ChatKit.Protocol;

public sealed record ThreadAddStructuredInputParams
{
    public required string ThreadId { get; init; }

    public required string ItemId { get; init; }

    public required StructuredInputSubmission Input { get; init; }
}
