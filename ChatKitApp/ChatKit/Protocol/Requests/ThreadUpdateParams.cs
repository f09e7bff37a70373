namespace ChatKitApp.ChatKit.Protocol;

public sealed record ThreadUpdateParams
{
    public required string ThreadId { get; init; }

    public required string Title { get; init; }
}
