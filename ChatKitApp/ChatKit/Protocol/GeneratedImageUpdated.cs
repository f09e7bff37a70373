namespace ChatKitApp.ChatKit.Protocol;

public sealed record GeneratedImageUpdated(GeneratedImage Image, double? Progress = null) : ThreadItemUpdate;
