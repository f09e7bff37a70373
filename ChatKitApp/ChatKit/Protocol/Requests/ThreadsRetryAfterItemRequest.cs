namespace ChatKitApp.ChatKit.Protocol;

/// <summary><c>threads.retry_after_item</c>.</summary>
public sealed record ThreadsRetryAfterItemRequest : ChatKitRequest<ThreadRetryAfterItemParams>
{
    public override bool IsStreaming => true;
}
