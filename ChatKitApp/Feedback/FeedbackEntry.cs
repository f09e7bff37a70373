using ChatKitApp.ChatKit.Protocol;

namespace ChatKitApp.Feedback;

/// <summary>A user's thumbs up or down on the items of one assistant turn.</summary>
public sealed record FeedbackEntry(string UserId, string ThreadId, IReadOnlyList<string> ItemIds, FeedbackKind Kind, DateTimeOffset CreatedAt);
