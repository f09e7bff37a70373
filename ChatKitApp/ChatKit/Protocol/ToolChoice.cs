namespace ChatKitApp.ChatKit.Protocol;

public sealed record ToolChoice(string Id);
