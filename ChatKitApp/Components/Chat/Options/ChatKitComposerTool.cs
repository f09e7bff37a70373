namespace ChatKitApp.Components.Chat.Options;

/// <summary>
/// A composer tool-menu entry; choosing it sends <c>inference_options.tool_choice = {id}</c>.
/// <see cref="Pinned"/> shows it outside the menu; <see cref="Persistent"/> keeps it chosen after a message is sent.
/// </summary>
public sealed record ChatKitComposerTool(string Id, string Label, string Icon, string? ShortLabel = null, string? PlaceholderOverride = null, bool? Pinned = null, bool? Persistent = null);
