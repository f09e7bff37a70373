namespace ChatKitApp.Usage;

/// <summary>One UTC day of turns: how many, their tokens, their errors by code, and how many users ran them.</summary>
public sealed record DailyUsage(DateOnly Day, int Turns, long InputTokens, long OutputTokens, int ActiveUsers, IReadOnlyDictionary<string, int> ErrorsByCode)
{
    public static DailyUsage Empty(DateOnly day) => new(day, 0, 0, 0, 0, new Dictionary<string, int>());
}
