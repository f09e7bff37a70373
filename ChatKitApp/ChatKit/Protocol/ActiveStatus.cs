namespace ChatKitApp.ChatKit.Protocol;

public sealed record ActiveStatus : ThreadStatus;
