namespace ChatKitApp.Components.Chat;

public sealed record ChatKitHeaderTitle(bool Enabled = true, string? Text = null);
