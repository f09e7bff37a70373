using ChatKitApp.Usage;

namespace ChatKitApp.Tests.Usage;

/// <summary>What every <see cref="ITurnUsageStore"/> must do; subclasses supply the store.</summary>
public abstract class TurnUsageStoreContractTests
{
    private static readonly DateTimeOffset Day1 = new(2031, 5, 1, 0, 0, 0, TimeSpan.Zero);

    protected abstract ITurnUsageStore Store { get; }

    [Fact]
    public async Task Turns_are_summed_per_utc_day_with_errors_by_code_and_distinct_users()
    {
        await RecordAsync("alice", Day1.AddHours(1), 10, 20, null);
        await RecordAsync("alice", Day1.AddHours(2), 5, 7, "custom");
        await RecordAsync("bob", Day1.AddHours(23).AddMinutes(59), 1, 2, "custom");
        await RecordAsync("bob", Day1.AddHours(23).AddMinutes(59), 0, 0, "stream.error");
        await RecordAsync("carol", Day1.AddDays(1).AddMinutes(1), 100, 200, null); // the next UTC day
        await RecordAsync("dave", Day1.AddDays(-1).AddHours(23), 1000, 1000, null); // before the range

        var days = await Store.DailyAsync(DateOnly.FromDateTime(Day1.UtcDateTime), DateOnly.FromDateTime(Day1.AddDays(1).UtcDateTime), CancellationToken.None);

        Assert.Equal(2, days.Count);
        var (first, second) = (days[0], days[1]);
        Assert.Equal((new DateOnly(2031, 5, 1), 4, 16L, 29L, 2), (first.Day, first.Turns, first.InputTokens, first.OutputTokens, first.ActiveUsers));
        Assert.Equal(new Dictionary<string, int> { ["custom"] = 2, ["stream.error"] = 1 }, first.ErrorsByCode);
        Assert.Equal((new DateOnly(2031, 5, 2), 1, 100L, 200L, 1), (second.Day, second.Turns, second.InputTokens, second.OutputTokens, second.ActiveUsers));
        Assert.Empty(second.ErrorsByCode);
    }

    [Fact]
    public async Task A_range_without_turns_is_empty()
    {
        var days = await Store.DailyAsync(new DateOnly(2001, 1, 1), new DateOnly(2001, 1, 14), CancellationToken.None);

        Assert.Empty(days);
    }

    private Task RecordAsync(string user, DateTimeOffset at, long input, long output, string? error) =>
        Store.RecordAsync(new TurnRecord(user, "thr_1", at, input, output, error), CancellationToken.None);
}
