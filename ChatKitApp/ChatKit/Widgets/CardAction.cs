namespace ChatKitApp.ChatKit.Widgets;

/// <summary>A confirm or cancel button in a <see cref="Card"/>'s footer.</summary>
public sealed record CardAction(string Label, ActionConfig Action);
