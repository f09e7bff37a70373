namespace ChatKitApp.ChatKit.Protocol;

/// <summary>Overwrites a stored item with the same id.</summary>
public sealed record ThreadItemReplacedEvent(ThreadItem Item) : ThreadStreamEvent;
