namespace ChatKitApp.ChatKit.Protocol;

/// <summary><c>items.feedback</c>.</summary>
public sealed record ItemsFeedbackRequest : ChatKitRequest<ItemsFeedbackParams>
{
    public override bool IsStreaming => false;
}
