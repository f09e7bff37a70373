namespace ChatKitApp.ChatKit.Protocol;

public sealed record AssistantMessageContentPartDone(int ContentIndex, AssistantMessageContent Content) : ThreadItemUpdate;
