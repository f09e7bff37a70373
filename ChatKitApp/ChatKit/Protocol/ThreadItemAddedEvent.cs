namespace ChatKitApp.ChatKit.Protocol;

/// <summary>An item starts streaming; it is not stored until its done event.</summary>
public sealed record ThreadItemAddedEvent(ThreadItem Item) : ThreadStreamEvent;
