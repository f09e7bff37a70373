namespace ChatKitApp.ChatKit.Protocol;

/// <summary><c>threads.custom_action</c>.</summary>
public sealed record ThreadsCustomActionRequest : ChatKitRequest<ThreadCustomActionParams>
{
    public override bool IsStreaming => true;
}
