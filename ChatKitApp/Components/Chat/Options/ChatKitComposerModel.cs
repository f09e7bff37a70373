namespace ChatKitApp.Components.Chat.Options;

/// <summary>A model-picker entry; choosing it sends <c>inference_options.model</c>. A disabled one shows but cannot be chosen.</summary>
public sealed record ChatKitComposerModel(string Id, string Label, string? Description = null, bool? Default = null, bool? Disabled = null);
