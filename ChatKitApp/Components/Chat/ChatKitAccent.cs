namespace ChatKitApp.Components.Chat;

public sealed record ChatKitAccent(string Primary, int Level = 1);
