namespace ChatKitApp.Components.Chat.Options;

public sealed record ChatKitHistory(bool Enabled = true, bool ShowDelete = true, bool ShowRename = true);
