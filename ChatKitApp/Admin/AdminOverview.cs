using ChatKitApp.Usage;

namespace ChatKitApp.Admin;

/// <summary>What <c>/admin</c> shows: the latest ratings, negative first, and one row per day, oldest first.</summary>
public sealed record AdminOverview(IReadOnlyList<RatedTurn> Feedback, IReadOnlyList<DailyUsage> Days);
