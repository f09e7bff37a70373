namespace ChatKitApp.ChatKit.Protocol;

/// <summary><c>threads.add_structured_input</c>.</summary>
public sealed record ThreadsAddStructuredInputRequest : ChatKitRequest<ThreadAddStructuredInputParams>
{
    public override bool IsStreaming => true;
}
