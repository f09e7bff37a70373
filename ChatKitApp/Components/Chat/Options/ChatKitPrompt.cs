namespace ChatKitApp.Components.Chat.Options;

/// <summary>
/// A start-screen chip: <see cref="Label"/> is shown, <see cref="Prompt"/> is sent (a string, or
/// content parts such as a prefilled tag); <see cref="Icon"/> is one of the element's icons or <c>lucide:name</c>.
/// </summary>
public sealed record ChatKitPrompt(string Label, ChatKitPromptMessage Prompt, string? Icon = null);
