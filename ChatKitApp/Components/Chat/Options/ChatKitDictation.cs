namespace ChatKitApp.Components.Chat.Options;

public sealed record ChatKitDictation(bool Enabled);
