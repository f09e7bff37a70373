using System.Collections.Concurrent;
using ChatKitApp.ChatKit.Protocol;

namespace ChatKitApp.ChatKit.Store;

/// <summary>
/// A thread-safe in-process store for development and tests. Data is partitioned by user id, so
/// another user's thread is simply not there. Values are copied in and out, so callers that mutate
/// a thread (as responders do) never change what is stored behind the store's back.
/// </summary>
public sealed class MemoryStore<TContext> : IChatKitStore<TContext>
    where TContext : IUserContext
{
    private readonly ConcurrentDictionary<string, UserData> _users = new(StringComparer.Ordinal);
    private long _sequence;

    public Task<ThreadMetadata> LoadThreadAsync(string threadId, TContext context, CancellationToken cancellationToken)
    {
        var user = User(context);
        lock (user.Gate)
        {
            return Task.FromResult(Copy(FindThread(user, threadId).Thread));
        }
    }

    public Task SaveThreadAsync(ThreadMetadata thread, TContext context, CancellationToken cancellationToken)
    {
        var user = User(context);
        var copy = Copy(thread);
        lock (user.Gate)
        {
            if (user.Threads.TryGet(thread.Id, out var existing))
            {
                existing.Thread = copy;
            }
            else
            {
                user.Threads.Upsert(thread.Id, thread.CreatedAt, NextSequence(), new ThreadData(copy));
            }
        }

        return Task.CompletedTask;
    }

    public Task CreateLeasedThreadAsync(
        ThreadMetadata thread, ThreadItem firstItem, string holder, DateTimeOffset now, DateTimeOffset until, TContext context, CancellationToken cancellationToken)
    {
        var user = User(context);
        var copy = Copy(thread);
        var item = ChatKitJson.Clone(firstItem);
        lock (user.Gate)
        {
            if (!user.Threads.TryGet(thread.Id, out var data))
            {
                data = new ThreadData(copy);
                user.Threads.Upsert(thread.Id, thread.CreatedAt, NextSequence(), data);
            }
            else if (IsLeasedByAnother(data, holder, now))
            {
                throw new InvalidOperationException($"The new thread '{thread.Id}' is leased by another holder.");
            }

            data.Thread = copy;
            TryLease(data, holder, now, until);
            data.Items.Upsert(item.Id, item.CreatedAt, NextSequence(), item);
        }

        return Task.CompletedTask;
    }

    public Task<ThreadMetadata?> UpdateThreadAsync(
        string threadId, Func<ThreadMetadata, ThreadMetadata> change, TContext context, CancellationToken cancellationToken)
    {
        var user = User(context);
        lock (user.Gate)
        {
            if (!user.Threads.TryGet(threadId, out var existing))
            {
                return Task.FromResult<ThreadMetadata?>(null);
            }

            existing.Thread = Copy(change(Copy(existing.Thread)));
            return Task.FromResult<ThreadMetadata?>(Copy(existing.Thread));
        }
    }

    public Task<bool> TryLeaseThreadAsync(
        string threadId, string holder, DateTimeOffset now, DateTimeOffset until, TContext context, CancellationToken cancellationToken)
    {
        var user = User(context);
        lock (user.Gate)
        {
            return Task.FromResult(TryLease(FindThread(user, threadId), holder, now, until));
        }
    }

    public Task<ThreadMetadata?> TryLeaseAndLoadThreadAsync(
        string threadId, string holder, DateTimeOffset now, DateTimeOffset until, TContext context, CancellationToken cancellationToken)
    {
        var user = User(context);
        lock (user.Gate)
        {
            var thread = FindThread(user, threadId);
            return Task.FromResult(TryLease(thread, holder, now, until) ? Copy(thread.Thread) : null);
        }
    }

    public Task ReleaseThreadLeaseAsync(string threadId, string holder, TContext context, CancellationToken cancellationToken)
    {
        var user = User(context);
        lock (user.Gate)
        {
            if (user.Threads.TryGet(threadId, out var thread) && thread.LeaseHolder == holder)
            {
                thread.LeaseHolder = null;
            }
        }

        return Task.CompletedTask;
    }

    public Task<Page<ThreadItem>> LoadThreadItemsAsync(string threadId, string? after, int limit, SortOrder order, TContext context, CancellationToken cancellationToken)
    {
        var user = User(context);
        lock (user.Gate)
        {
            if (!user.Threads.TryGet(threadId, out var thread))
            {
                return Task.FromResult(Page<ThreadItem>.Empty);
            }

            var (data, hasMore, next) = thread.Items.Page(after, limit, order == SortOrder.Asc);
            return Task.FromResult(new Page<ThreadItem> { Data = data, HasMore = hasMore, After = next });
        }
    }

    public Task SaveAttachmentAsync(Attachment attachment, TContext context, CancellationToken cancellationToken)
    {
        var user = User(context);
        var copy = ChatKitJson.Clone(attachment);
        lock (user.Gate)
        {
            user.Attachments[attachment.Id] = copy;
        }

        return Task.CompletedTask;
    }

    public Task<Attachment> LoadAttachmentAsync(string attachmentId, TContext context, CancellationToken cancellationToken)
    {
        var user = User(context);
        lock (user.Gate)
        {
            return user.Attachments.TryGetValue(attachmentId, out var attachment)
                ? Task.FromResult(attachment)
                : throw new NotFoundException($"Attachment '{attachmentId}' not found.");
        }
    }

    public Task DeleteAttachmentAsync(string attachmentId, TContext context, CancellationToken cancellationToken)
    {
        var user = User(context);
        lock (user.Gate)
        {
            user.Attachments.Remove(attachmentId);
        }

        return Task.CompletedTask;
    }

    public Task<Page<ThreadMetadata>> LoadThreadsAsync(int limit, string? after, SortOrder order, TContext context, CancellationToken cancellationToken)
    {
        var user = User(context);
        lock (user.Gate)
        {
            var (data, hasMore, next) = user.Threads.Page(after, limit, order == SortOrder.Asc);
            return Task.FromResult(new Page<ThreadMetadata> { Data = data.ConvertAll(t => Copy(t.Thread)), HasMore = hasMore, After = next });
        }
    }

    public Task AddThreadItemAsync(string threadId, ThreadItem item, TContext context, CancellationToken cancellationToken) =>
        SaveItemAsync(threadId, item, context, cancellationToken);

    public Task SaveItemAsync(string threadId, ThreadItem item, TContext context, CancellationToken cancellationToken)
    {
        var user = User(context);
        var copy = ChatKitJson.Clone(item);
        lock (user.Gate)
        {
            FindThread(user, threadId).Items.Upsert(item.Id, item.CreatedAt, NextSequence(), copy);
        }

        return Task.CompletedTask;
    }

    public Task<ThreadItem> LoadItemAsync(string threadId, string itemId, TContext context, CancellationToken cancellationToken)
    {
        var user = User(context);
        lock (user.Gate)
        {
            return FindThread(user, threadId).Items.TryGet(itemId, out var item)
                ? Task.FromResult(item)
                : throw new NotFoundException($"Item '{itemId}' not found in thread '{threadId}'.");
        }
    }

    public Task DeleteThreadAsync(string threadId, TContext context, CancellationToken cancellationToken)
    {
        var user = User(context);
        lock (user.Gate)
        {
            user.Threads.Remove(threadId);
            foreach (var attachment in user.Attachments.Values.Where(a => a.ThreadId == threadId).ToList())
            {
                user.Attachments.Remove(attachment.Id);
            }
        }

        return Task.CompletedTask;
    }

    public Task DeleteThreadItemAsync(string threadId, string itemId, TContext context, CancellationToken cancellationToken)
    {
        var user = User(context);
        lock (user.Gate)
        {
            if (user.Threads.TryGet(threadId, out var thread))
            {
                thread.Items.Remove(itemId);
            }
        }

        return Task.CompletedTask;
    }

    private static bool IsLeasedByAnother(ThreadData thread, string holder, DateTimeOffset now) =>
        thread.LeaseHolder is not null && thread.LeaseHolder != holder && thread.LeaseUntil > now;

    // Callers hold the user's gate.
    private static bool TryLease(ThreadData thread, string holder, DateTimeOffset now, DateTimeOffset until)
    {
        if (IsLeasedByAnother(thread, holder, now))
        {
            return false;
        }

        thread.LeaseHolder = holder;
        thread.LeaseUntil = until;
        return true;
    }

    private static ThreadData FindThread(UserData user, string threadId) =>
        user.Threads.TryGet(threadId, out var thread) ? thread : throw new NotFoundException($"Thread '{threadId}' not found.");

    private static ThreadMetadata Copy(ThreadMetadata thread) => thread with
    {
        Metadata = (System.Text.Json.Nodes.JsonObject)thread.Metadata.DeepClone(),
        AllowedImageDomains = thread.AllowedImageDomains is null ? null : [.. thread.AllowedImageDomains],
    };

    private UserData User(TContext context) => _users.GetOrAdd(context.UserId, static _ => new UserData());

    private long NextSequence() => Interlocked.Increment(ref _sequence);

    private sealed class UserData
    {
        public Lock Gate { get; } = new();

        public OrderedEntries<ThreadData> Threads { get; } = new();

        public Dictionary<string, Attachment> Attachments { get; } = new(StringComparer.Ordinal);
    }

    private sealed class ThreadData(ThreadMetadata thread)
    {
        public ThreadMetadata Thread { get; set; } = thread;

        public string? LeaseHolder { get; set; }

        public DateTimeOffset LeaseUntil { get; set; }

        public OrderedEntries<ThreadItem> Items { get; } = new();
    }
}
