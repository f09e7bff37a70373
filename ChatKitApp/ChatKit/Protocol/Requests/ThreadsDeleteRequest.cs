namespace ChatKitApp.ChatKit.Protocol;

/// <summary><c>threads.delete</c>.</summary>
public sealed record ThreadsDeleteRequest : ChatKitRequest<ThreadDeleteParams>
{
    public override bool IsStreaming => false;
}
