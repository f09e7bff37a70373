namespace ChatKitApp.ChatKit.Protocol;

public sealed record ThreadDeleteParams
{
    public required string ThreadId { get; init; }
}
