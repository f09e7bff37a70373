using ChatKitApp.Usage;
using Dapper;
using Npgsql;

namespace ChatKitApp.Postgres;

/// <summary>Turn records in the <c>turn_usage</c> table (migration 0008), summed by UTC day in SQL.</summary>
public sealed class PostgresTurnUsageStore(NpgsqlDataSource dataSource) : ITurnUsageStore
{
    private const string RecordSql = """
        INSERT INTO turn_usage (user_id, thread_id, created_at, input_tokens, output_tokens, error_code)
        VALUES (@UserId, @ThreadId, @At, @InputTokens, @OutputTokens, @ErrorCode)
        """;

    // Two statements in one round trip: the day totals, then the errors by day and code.
    private const string DailySql = """
        SELECT date_trunc('day', created_at AT TIME ZONE 'UTC') AS Day, count(*)::int AS Turns,
               sum(input_tokens)::bigint AS InputTokens, sum(output_tokens)::bigint AS OutputTokens,
               count(DISTINCT user_id)::int AS ActiveUsers
        FROM turn_usage
        WHERE created_at >= @From AND created_at < @Until
        GROUP BY 1 ORDER BY 1;
        SELECT date_trunc('day', created_at AT TIME ZONE 'UTC') AS Day, error_code AS Code, count(*)::int AS Count
        FROM turn_usage
        WHERE created_at >= @From AND created_at < @Until AND error_code IS NOT NULL
        GROUP BY 1, 2;
        """;

    public async Task RecordAsync(TurnRecord turn, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(RecordSql, new
        {
            turn.UserId,
            turn.ThreadId,
            At = turn.At.ToUniversalTime(),
            turn.InputTokens,
            turn.OutputTokens,
            turn.ErrorCode,
        }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<DailyUsage>> DailyAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var range = new
        {
            From = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            Until = new DateTimeOffset(last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
        };
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(DailySql, range, cancellationToken: cancellationToken));
        var days = (await results.ReadAsync<DayRow>()).ToList();
        var errors = (await results.ReadAsync<ErrorRow>()).ToLookup(e => e.Day);
        return
        [
            .. days.Select(d => new DailyUsage(
                DateOnly.FromDateTime(d.Day), d.Turns, d.InputTokens, d.OutputTokens, d.ActiveUsers,
                errors[d.Day].ToDictionary(e => e.Code, e => e.Count, StringComparer.Ordinal))),
        ];
    }

    private sealed record DayRow(DateTime Day, int Turns, long InputTokens, long OutputTokens, int ActiveUsers);

    private sealed record ErrorRow(DateTime Day, string Code, int Count);
}
