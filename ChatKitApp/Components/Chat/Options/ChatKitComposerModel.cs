namespace ChatKitApp.Components.Chat.Options;

/// <summary>A model-picker entry; choosing it sends <c>inference_options.model</c>.</summary>
public sealed record ChatKitComposerModel(string Id, string Label, string? Description = null, bool? Default = null);
