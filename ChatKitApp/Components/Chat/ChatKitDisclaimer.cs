namespace ChatKitApp.Components.Chat;

public sealed record ChatKitDisclaimer(string Text, bool HighContrast = false);
