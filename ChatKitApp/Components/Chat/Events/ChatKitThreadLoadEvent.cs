namespace ChatKitApp.Components.Chat.Events;

/// <summary><c>chatkit.thread.load.start</c> and <c>chatkit.thread.load.end</c>: the thread being loaded.</summary>
public sealed record ChatKitThreadLoadEvent(string? ThreadId);
