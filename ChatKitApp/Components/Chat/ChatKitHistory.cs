namespace ChatKitApp.Components.Chat;

public sealed record ChatKitHistory(bool Enabled = true, bool ShowDelete = true, bool ShowRename = true);
