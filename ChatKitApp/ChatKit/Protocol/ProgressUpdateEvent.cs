namespace ChatKitApp.ChatKit.Protocol;

/// <summary>A transient status line (never stored).</summary>
public sealed record ProgressUpdateEvent(string Text, string? Icon = null) : ThreadStreamEvent;
