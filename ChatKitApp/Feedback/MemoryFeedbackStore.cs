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
}
