namespace ChatKitApp.Usage;

/// <summary>Keeps a <see cref="TurnRecord"/> per assistant turn, for the operator view's daily numbers.</summary>
public interface ITurnUsageStore
{
    Task RecordAsync(TurnRecord turn, CancellationToken cancellationToken);

    /// <summary>
    /// The UTC days from <paramref name="first"/> to <paramref name="last"/> (both included) that had
    /// turns, oldest first; days without turns are left out.
    /// </summary>
    Task<IReadOnlyList<DailyUsage>> DailyAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken);
}
