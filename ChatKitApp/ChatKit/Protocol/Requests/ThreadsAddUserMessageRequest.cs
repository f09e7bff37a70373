namespace ChatKitApp.ChatKit.Protocol;

/// <summary><c>threads.add_user_message</c>.</summary>
public sealed record ThreadsAddUserMessageRequest : ChatKitRequest<ThreadAddUserMessageParams>
{
    public override bool IsStreaming => true;
}
