namespace ChatKitApp.ChatKit.Protocol;

public sealed record ThreadAddUserMessageParams
{
    public required string ThreadId { get; init; }

    public required UserMessageInput Input { get; init; }
}
