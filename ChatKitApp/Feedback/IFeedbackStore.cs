namespace ChatKitApp.Feedback;

/// <summary>Keeps the ratings users give from <c>items.feedback</c>, since users expect them to be kept.</summary>
public interface IFeedbackStore
{
    Task AddAsync(FeedbackEntry entry, CancellationToken cancellationToken);

    /// <summary>The user's ratings for one thread, oldest first.</summary>
    Task<IReadOnlyList<FeedbackEntry>> ListAsync(string userId, string threadId, CancellationToken cancellationToken);

    /// <summary>
    /// For the operator view, across users: at most <paramref name="limit"/> ratings, negative
    /// before positive (what needs looking at first), newest first within each.
    /// </summary>
    Task<IReadOnlyList<FeedbackEntry>> ListLatestAsync(int limit, CancellationToken cancellationToken);
}
