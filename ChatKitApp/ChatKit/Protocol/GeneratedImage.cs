namespace ChatKitApp.ChatKit.Protocol;

public sealed record GeneratedImage(string Id, string Url);
