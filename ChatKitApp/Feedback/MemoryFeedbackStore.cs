namespace ChatKitApp.Feedback;

/// <summary>Feedback kept in process, for the in-memory configuration.</summary>
public sealed class MemoryFeedbackStore : IFeedbackStore
{
    private readonly Lock _gate = new();
    private readonly List<FeedbackEntry> _entries = [];

    public Task AddAsync(FeedbackEntry entry, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _entries.Add(entry);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<FeedbackEntry>> ListAsync(string userId, string threadId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<FeedbackEntry> matches = [.. _entries.Where(e => e.UserId == userId && e.ThreadId == threadId)];
            return Task.FromResult(matches);
        }
    }

    public Task<IReadOnlyList<FeedbackEntry>> ListLatestAsync(int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // Reversed first: among equal times the later-added entry counts as newer, as seq does in SQL.
            IReadOnlyList<FeedbackEntry> latest =
            [
                .. Enumerable.Reverse(_entries)
                    .OrderBy(e => e.Kind == ChatKit.Protocol.FeedbackKind.Negative ? 0 : 1)
                    .ThenByDescending(e => e.CreatedAt)
                    .Take(limit),
            ];
            return Task.FromResult(latest);
        }
    }
}
