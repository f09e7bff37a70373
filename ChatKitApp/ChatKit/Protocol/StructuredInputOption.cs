namespace ChatKitApp.ChatKit.Protocol;

public sealed record StructuredInputOption(string Value);
