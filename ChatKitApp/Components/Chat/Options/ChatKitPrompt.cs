namespace ChatKitApp.Components.Chat.Options;

/// <summary>A start-screen chip: <see cref="Label"/> is shown, <see cref="Prompt"/> is sent.</summary>
public sealed record ChatKitPrompt(string Label, string Prompt, string? Icon = null);
