namespace ChatKitApp.ChatKit.Protocol;

/// <summary><c>threads.create</c>.</summary>
public sealed record ThreadsCreateRequest : ChatKitRequest<ThreadCreateParams>
{
    public override bool IsStreaming => true;
}
