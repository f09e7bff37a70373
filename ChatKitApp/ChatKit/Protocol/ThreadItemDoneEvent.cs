namespace ChatKitApp.ChatKit.Protocol;

/// <summary>The complete, final item; the server stores it.</summary>
public sealed record ThreadItemDoneEvent(ThreadItem Item) : ThreadStreamEvent;
