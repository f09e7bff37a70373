namespace ChatKitApp.ChatKit.Protocol;

public sealed record AssistantMessageContentPartAdded(int ContentIndex, AssistantMessageContent Content) : ThreadItemUpdate;
