namespace ChatKitApp.ChatKit.Protocol;

public sealed record StreamOptionsEvent(StreamOptions StreamOptions) : ThreadStreamEvent;
