namespace ChatKitApp.ChatKit.Protocol;

public sealed record ThreadCreateParams
{
    public required UserMessageInput Input { get; init; }
}
