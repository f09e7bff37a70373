namespace ChatKitApp.ChatKit.Protocol;

public sealed record ThreadGetByIdParams
{
    public required string ThreadId { get; init; }
}
