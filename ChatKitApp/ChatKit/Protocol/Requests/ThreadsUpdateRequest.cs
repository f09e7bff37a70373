namespace ChatKitApp.ChatKit.Protocol;

/// <summary><c>threads.update</c>.</summary>
public sealed record ThreadsUpdateRequest : ChatKitRequest<ThreadUpdateParams>
{
    public override bool IsStreaming => false;
}
