namespace ChatKitApp.ChatKit.Protocol;

public sealed record ThreadCustomActionParams
{
    public required string ThreadId { get; init; }

    /// <summary>The widget item that sent the action, if any.</summary>
    public string? ItemId { get; init; }

    public required ChatKitAction Action { get; init; }
}
