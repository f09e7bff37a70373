namespace ChatKitApp.ChatKit.Protocol;

public sealed record ThreadItemRemovedEvent(string ItemId) : ThreadStreamEvent;
