namespace ChatKitApp.ChatKit.Protocol;

/// <summary><c>items.list</c>.</summary>
public sealed record ItemsListRequest : ChatKitRequest<ItemsListParams>
{
    public override bool IsStreaming => false;
}
