using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKitHost;

namespace ChatKitApp.ChatExport;

/// <summary>
/// A whole thread as the protocol shows it: the thread's wire form (<see cref="ChatThread"/>) with
/// every item the client may see, oldest first, in one page (<c>has_more</c> false). What the JSON
/// export writes, what the Markdown export and a share link's snapshot are made from.
/// </summary>
public sealed class ThreadExport(IChatKitStore<ChatKitRequestContext> store)
{
    /// <summary>Items read per store call; a thread of any length is read in pages of this size.</summary>
    internal const int PageSize = 100;

    /// <summary>The thread with all its visible items; throws <see cref="NotFoundException"/> when it is not the caller's.</summary>
    public async Task<ChatThread> LoadAsync(string threadId, ChatKitRequestContext context, CancellationToken cancellationToken)
    {
        var thread = await store.LoadThreadAsync(threadId, context, cancellationToken);
        var items = new List<ThreadItem>();
        string? after = null;
        while (true)
        {
            var page = await store.LoadThreadItemsAsync(threadId, after, PageSize, SortOrder.Asc, context, cancellationToken);
            // Hidden items are the model's context, never the client's: items.list leaves them out too.
            items.AddRange(page.Data.Where(i => !i.IsHidden));
            if (!page.HasMore || page.After is null)
            {
                break;
            }

            after = page.After;
        }

        return ChatThread.From(thread, new Page<ThreadItem> { Data = items });
    }
}
