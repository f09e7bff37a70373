namespace ChatKitApp.Usage;

/// <summary>Turn records kept in process, for the in-memory configuration.</summary>
public sealed class MemoryTurnUsageStore : ITurnUsageStore
{
    private readonly Lock _gate = new();
    private readonly List<TurnRecord> _turns = [];

    public Task RecordAsync(TurnRecord turn, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _turns.Add(turn);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DailyUsage>> DailyAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<DailyUsage> days =
            [
                .. _turns
                    .GroupBy(t => DateOnly.FromDateTime(t.At.UtcDateTime))
                    .Where(day => day.Key >= first && day.Key <= last)
                    .OrderBy(day => day.Key)
                    .Select(day => new DailyUsage(
                        day.Key,
                        day.Count(),
                        day.Sum(t => t.InputTokens),
                        day.Sum(t => t.OutputTokens),
                        day.Select(t => t.UserId).Distinct(StringComparer.Ordinal).Count(),
                        day.Where(t => t.ErrorCode is not null).GroupBy(t => t.ErrorCode!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal))),
            ];
            return Task.FromResult(days);
        }
    }
}
