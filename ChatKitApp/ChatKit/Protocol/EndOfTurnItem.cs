namespace ChatKitApp.ChatKit.Protocol;

/// <summary>A UI hint marking the end of an assistant turn.</summary>
public sealed record EndOfTurnItem : ThreadItem;
