namespace ChatKitApp.Components.Chat.Events;

/// <summary><c>chatkit.thread.change</c>: the thread the element shows now; null for a new, unsaved thread.</summary>
public sealed record ChatKitThreadChangeEvent(string? ThreadId);
