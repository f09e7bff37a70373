namespace ChatKitApp.Components.Chat.Options;

public sealed record ChatKitDisclaimer(string Text, bool HighContrast = false);
