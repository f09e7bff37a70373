namespace ChatKitApp.Components.Chat.Options;

public sealed record ChatKitThreadItemActions(bool Feedback = true, bool Retry = true);
