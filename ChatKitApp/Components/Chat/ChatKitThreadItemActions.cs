namespace ChatKitApp.Components.Chat;

public sealed record ChatKitThreadItemActions(bool Feedback = true, bool Retry = true);
