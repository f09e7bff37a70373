namespace ChatKitApp.Components.Chat.Options;

public sealed record ChatKitHeaderTitle(bool Enabled = true, string? Text = null);
