namespace ChatKitApp.Components.Chat.Options;

/// <summary>Background and foreground (text, icons) of the element's surfaces, as CSS colors.</summary>
public sealed record ChatKitSurface(string Background, string Foreground);
