using ChatKitApp.Agents.Turn;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKitHost;
using ChatKitApp.Feedback;
using ChatKitApp.Usage;

namespace ChatKitApp.Admin;

/// <summary>Gathers the operator view from the feedback, usage and chat stores.</summary>
public sealed class AdminReport(IFeedbackStore feedback, ITurnUsageStore usage, IChatKitStore<ChatKitRequestContext> store, TimeProvider time)
{
    /// <summary>How many ratings the view lists.</summary>
    public const int FeedbackShown = 50;

    /// <summary>How many days, today (UTC) included, the daily table covers.</summary>
    public const int DaysShown = 14;

    public async Task<AdminOverview> BuildAsync(CancellationToken cancellationToken)
    {
        var ratings = await feedback.ListLatestAsync(FeedbackShown, cancellationToken);
        var rated = new List<RatedTurn>(ratings.Count);
        foreach (var rating in ratings)
        {
            rated.Add(await LoadTurnAsync(rating, cancellationToken));
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var first = today.AddDays(1 - DaysShown);
        var recorded = (await usage.DailyAsync(first, today, cancellationToken)).ToDictionary(d => d.Day);
        var days = Enumerable.Range(0, DaysShown).Select(i => first.AddDays(i)).Select(day => recorded.GetValueOrDefault(day) ?? DailyUsage.Empty(day)).ToList();
        return new AdminOverview(rated, days);
    }

    /// <summary>The rated items' text and the user message before them, read as their owner (the store is scoped by user).</summary>
    private async Task<RatedTurn> LoadTurnAsync(FeedbackEntry rating, CancellationToken cancellationToken)
    {
        if (rating.ItemIds.Count == 0)
        {
            return new RatedTurn(rating, null, null);
        }

        var owner = new ChatKitRequestContext(rating.UserId);
        try
        {
            var replies = new List<string>();
            foreach (var id in rating.ItemIds)
            {
                if (await store.LoadItemAsync(rating.ThreadId, id, owner, cancellationToken) is AssistantMessageItem reply)
                {
                    replies.Add(string.Concat(reply.Content.Select(part => part.Text)));
                }
            }

            // The turn's question is the newest user message before its first item.
            var before = await store.LoadThreadItemsAsync(rating.ThreadId, rating.ItemIds[0], 20, SortOrder.Desc, owner, cancellationToken);
            var question = before.Data.OfType<UserMessageItem>().FirstOrDefault();
            return new RatedTurn(
                rating,
                question is null ? null : AgentChatKitServer.TextOf(question),
                replies.Count == 0 ? null : string.Join("\n\n", replies));
        }
        catch (NotFoundException)
        {
            return new RatedTurn(rating, null, null); // the thread or the item was deleted since
        }
    }
}
