namespace ChatKitApp.ChatKit.Protocol;

/// <summary>An incremental change to a streaming item; never stored.</summary>
public sealed record ThreadItemUpdatedEvent(string ItemId, ThreadItemUpdate Update) : ThreadStreamEvent;
