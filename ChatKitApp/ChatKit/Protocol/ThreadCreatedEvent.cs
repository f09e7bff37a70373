namespace ChatKitApp.ChatKit.Protocol;

public sealed record ThreadCreatedEvent(ChatThread Thread) : ThreadStreamEvent;
