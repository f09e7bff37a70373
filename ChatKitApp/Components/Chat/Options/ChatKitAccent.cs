namespace ChatKitApp.Components.Chat.Options;

/// <summary>The accent color (any CSS color) and its intensity <see cref="Level"/>, 0 to 3.</summary>
public sealed record ChatKitAccent(string Primary, int Level = 1);
