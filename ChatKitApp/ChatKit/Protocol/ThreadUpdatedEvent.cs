namespace ChatKitApp.ChatKit.Protocol;

public sealed record ThreadUpdatedEvent(ChatThread Thread) : ThreadStreamEvent;
