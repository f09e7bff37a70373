using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKitHost;

namespace ChatKitApp.ChatSearch;

/// <summary>
/// Search for the in-memory store: reads the user's threads and their items page by page through
/// the store interface and scores each message with <see cref="SearchTerms"/>. The cost grows with
/// the user's history, which is fine for development and tests, not for production (PostgreSQL
/// has <c>Postgres/PostgresChatSearch</c> with an index). Only the user's own threads are read, as
/// the store scopes every call by user.
/// </summary>
public sealed class MemoryChatSearch(IChatKitStore<ChatKitRequestContext> store) : IChatSearch
{
    private const int PageSize = 100;

    public async Task<IReadOnlyList<ChatSearchHit>> SearchAsync(string userId, string query, int limit, CancellationToken cancellationToken)
    {
        var terms = SearchTerms.Parse(query);
        var context = new ChatKitRequestContext(userId);
        List<(int Score, ChatSearchHit Hit)> found = [];
        await foreach (var thread in ThreadsAsync(context, cancellationToken))
        {
            await foreach (var (item, text) in MessagesAsync(thread.Id, context, cancellationToken))
            {
                if (terms.Score(text) is var score and > 0)
                {
                    found.Add((score, new ChatSearchHit(thread.Id, thread.Title, item.Id, terms.Snippet(text), item.CreatedAt)));
                }
            }
        }

        return found.OrderByDescending(f => f.Score).ThenByDescending(f => f.Hit.CreatedAt).Take(limit).Select(f => f.Hit).ToList();
    }

    /// <summary>The text a message's search covers: its text parts, one per line (tags by their text).</summary>
    public static string? SearchableText(ThreadItem item) => item switch
    {
        UserMessageItem user => string.Join('\n', user.Content.Select(c => c switch
        {
            UserMessageTextContent text => text.Text,
            UserMessageTagContent tag => tag.Text,
            _ => "",
        })),
        AssistantMessageItem assistant => string.Join('\n', assistant.Content.Select(c => c.Text)),
        _ => null,
    };

    /// <summary>
    /// The next page, or an empty one when the cursor went away: a thread or message deleted while
    /// the search reads ends the scan of that list with what was found so far, not with an error.
    /// </summary>
    private static async Task<Page<T>> NextPageAsync<T>(Func<Task<Page<T>>> load)
    {
        try
        {
            return await load();
        }
        catch (NotFoundException)
        {
            return Page<T>.Empty;
        }
    }

    private async IAsyncEnumerable<ThreadMetadata> ThreadsAsync(
        ChatKitRequestContext context, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? after = null;
        do
        {
            var page = await NextPageAsync(() => store.LoadThreadsAsync(PageSize, after, SortOrder.Desc, context, cancellationToken));
            foreach (var thread in page.Data)
            {
                yield return thread;
            }

            after = page.HasMore ? page.After : null;
        }
        while (after is not null);
    }

    private async IAsyncEnumerable<(ThreadItem Item, string Text)> MessagesAsync(
        string threadId, ChatKitRequestContext context, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? after = null;
        do
        {
            var page = await NextPageAsync(() => store.LoadThreadItemsAsync(threadId, after, PageSize, SortOrder.Asc, context, cancellationToken));
            foreach (var item in page.Data)
            {
                if (SearchableText(item) is { } text)
                {
                    yield return (item, text);
                }
            }

            after = page.HasMore ? page.After : null;
        }
        while (after is not null);
    }
}
