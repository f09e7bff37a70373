namespace ChatKitApp.Components.Chat.Options;

public sealed record ChatKitAccent(string Primary, int Level = 1);
