namespace ChatKitApp.ChatKit.Protocol;

public sealed record ThreadRetryAfterItemParams
{
    public required string ThreadId { get; init; }

    /// <summary>The user message to answer again; everything after it is removed.</summary>
    public required string ItemId { get; init; }
}
