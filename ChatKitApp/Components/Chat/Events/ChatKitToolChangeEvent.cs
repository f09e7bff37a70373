namespace ChatKitApp.Components.Chat.Events;

/// <summary><c>chatkit.tool.change</c>: the composer tool the user picked; null when none is selected.</summary>
public sealed record ChatKitToolChangeEvent(string? ToolId);
