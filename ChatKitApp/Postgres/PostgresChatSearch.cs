using ChatKitApp.ChatSearch;
using Dapper;
using Npgsql;

namespace ChatKitApp.Postgres;

/// <summary>
/// Search on PostgreSQL: <c>websearch_to_tsquery</c> against the messages' generated
/// <c>search_vector</c> (migration 0009), scoped by user through the GIN index on
/// <c>(user_id, search_vector)</c> (migration 0012, so only the user's matches are read and ranked),
/// ranked by <c>ts_rank</c> (ties: newest first). Only the page's rows get a <c>ts_headline</c>
/// snippet, which re-reads the text and is the costly part. Deleted threads have no items left (ON DELETE CASCADE).
/// </summary>
public sealed class PostgresChatSearch(NpgsqlDataSource dataSource) : IChatSearch
{
    // The configuration must be the generated column's ('english'), or the query's lexemes would
    // not be the stored ones. An all-stop-word query ("the") is an empty tsquery and matches nothing.
    private const string SearchSql = """
        WITH q AS (SELECT websearch_to_tsquery('english', @Query) AS query),
        hits AS (
            SELECT i.thread_id, i.id, i.created_at, i.seq, i.data, ts_rank(i.search_vector, q.query) AS rank
            FROM thread_items i, q
            WHERE i.user_id = @UserId AND i.search_vector @@ q.query
            ORDER BY rank DESC, i.created_at DESC, i.seq DESC
            LIMIT @Limit)
        SELECT h.thread_id AS ThreadId, t.data ->> 'title' AS Title, h.id AS ItemId, h.created_at AS CreatedAt,
               ts_headline('english',
                   translate(array_to_string(ARRAY(SELECT jsonb_array_elements_text(jsonb_path_query_array(h.data, '$.content[*].text'))), E'\n'), @Marks, ''),
                   q.query, @HeadlineOptions) AS Snippet
        FROM hits h
        JOIN threads t ON t.user_id = @UserId AND t.id = h.thread_id
        CROSS JOIN q
        ORDER BY h.rank DESC, h.created_at DESC, h.seq DESC
        """;

    private static readonly string HeadlineOptions =
        $"StartSel=\"{SearchSnippet.MarkStart}\", StopSel=\"{SearchSnippet.MarkEnd}\", MaxWords=30, MinWords=15, ShortWord=0, MaxFragments=2, FragmentDelimiter=\"{SearchSnippet.Ellipsis}\"";

    public async Task<IReadOnlyList<ChatSearchHit>> SearchAsync(string userId, string query, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<HitRow>(new CommandDefinition(SearchSql, new
        {
            UserId = userId,
            Query = query,
            Limit = limit,
            Marks = $"{SearchSnippet.MarkStart}{SearchSnippet.MarkEnd}",
            HeadlineOptions,
        }, cancellationToken: cancellationToken));
        return rows.Select(r => new ChatSearchHit(r.ThreadId, r.Title, r.ItemId, r.Snippet, new DateTimeOffset(DateTime.SpecifyKind(r.CreatedAt, DateTimeKind.Utc)))).ToList();
    }

    private sealed record HitRow(string ThreadId, string? Title, string ItemId, DateTime CreatedAt, string Snippet);
}
