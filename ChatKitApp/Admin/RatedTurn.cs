using ChatKitApp.Feedback;

namespace ChatKitApp.Admin;

/// <summary>
/// A rating with the turn it rated: the user's message before the rated items and the reply's
/// text; null when the thread or item is no longer stored.
/// </summary>
public sealed record RatedTurn(FeedbackEntry Feedback, string? UserMessage, string? Reply);
