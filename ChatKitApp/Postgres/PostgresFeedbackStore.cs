using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.Feedback;
using Dapper;
using Npgsql;

namespace ChatKitApp.Postgres;

/// <summary>Ratings from <c>items.feedback</c> in the <c>feedback</c> table, scoped by user.</summary>
public sealed class PostgresFeedbackStore(NpgsqlDataSource dataSource) : IFeedbackStore
{
    private const string AddSql = """
        INSERT INTO feedback (user_id, thread_id, item_ids, kind, created_at)
        VALUES (@UserId, @ThreadId, @ItemIds, @Kind, @CreatedAt)
        """;

    private const string ListSql = """
        SELECT user_id AS UserId, thread_id AS ThreadId, item_ids AS ItemIds, kind AS Kind, created_at AS CreatedAt
        FROM feedback
        WHERE user_id = @UserId AND thread_id = @ThreadId
        ORDER BY seq
        """;

    private const string LatestSql = """
        SELECT user_id AS UserId, thread_id AS ThreadId, item_ids AS ItemIds, kind AS Kind, created_at AS CreatedAt
        FROM feedback
        ORDER BY kind = 'negative' DESC, created_at DESC, seq DESC
        LIMIT @Limit
        """;

    public async Task AddAsync(FeedbackEntry entry, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(AddSql, new
        {
            entry.UserId,
            entry.ThreadId,
            ItemIds = entry.ItemIds.ToArray(),
            Kind = entry.Kind == FeedbackKind.Positive ? "positive" : "negative",
            CreatedAt = entry.CreatedAt.ToUniversalTime(),
        }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<FeedbackEntry>> ListAsync(string userId, string threadId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<FeedbackRow>(
            new CommandDefinition(ListSql, new { UserId = userId, ThreadId = threadId }, cancellationToken: cancellationToken));
        return ToEntries(rows);
    }

    public async Task<IReadOnlyList<FeedbackEntry>> ListLatestAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<FeedbackRow>(new CommandDefinition(LatestSql, new { Limit = limit }, cancellationToken: cancellationToken));
        return ToEntries(rows);
    }

    private static List<FeedbackEntry> ToEntries(IEnumerable<FeedbackRow> rows) =>
    [
        .. rows.Select(r => new FeedbackEntry(
            r.UserId, r.ThreadId, r.ItemIds, r.Kind == "positive" ? FeedbackKind.Positive : FeedbackKind.Negative, new DateTimeOffset(r.CreatedAt))),
    ];
}
