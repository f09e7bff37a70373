namespace ChatKitApp.ChatKit.Protocol;

public sealed record AssistantMessageContentPartTextDelta(int ContentIndex, string Delta) : ThreadItemUpdate;
