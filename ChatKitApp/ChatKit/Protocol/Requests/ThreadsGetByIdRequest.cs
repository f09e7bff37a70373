namespace ChatKitApp.ChatKit.Protocol;

/// <summary><c>threads.get_by_id</c>.</summary>
public sealed record ThreadsGetByIdRequest : ChatKitRequest<ThreadGetByIdParams>
{
    public override bool IsStreaming => false;
}
