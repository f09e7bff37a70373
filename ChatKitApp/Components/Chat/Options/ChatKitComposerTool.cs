namespace ChatKitApp.Components.Chat.Options;

/// <summary>A composer tool-menu entry; choosing it sends <c>inference_options.tool_choice = {id}</c>.</summary>
public sealed record ChatKitComposerTool(string Id, string Label, string? Icon = null, string? ShortLabel = null, string? PlaceholderOverride = null, bool? Pinned = null);
