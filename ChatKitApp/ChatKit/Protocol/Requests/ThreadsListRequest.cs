namespace ChatKitApp.ChatKit.Protocol;

/// <summary><c>threads.list</c>.</summary>
public sealed record ThreadsListRequest : ChatKitRequest<ThreadListParams>
{
    public override bool IsStreaming => false;
}
