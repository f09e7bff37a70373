namespace ChatKitApp.ChatKit.Protocol;

/// <summary><c>threads.sync_custom_action</c>.</summary>
public sealed record ThreadsSyncCustomActionRequest : ChatKitRequest<ThreadCustomActionParams>
{
    public override bool IsStreaming => false;
}
