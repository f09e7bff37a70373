using ChatKitApp.ChatKit.Protocol;

namespace ChatKitApp.ChatKit.Store;

/// <summary>
/// Persistence for threads, items and attachment metadata: the reference's 12 methods, plus those
/// that keep concurrent requests on one thread consistent (<see cref="UpdateThreadAsync(string, Func{ThreadMetadata, ThreadMetadata}, TContext, CancellationToken)"/>
/// and the thread lease), and three with defaults that a store overrides to do in one round trip
/// what the defaults do in two (<see cref="CreateLeasedThreadAsync"/>, <see cref="TryLeaseAndLoadThreadAsync"/>
/// and the update from a seen thread). Every method is scoped by <typeparamref name="TContext"/>: what another user owns is "not found".
/// </summary>
public interface IChatKitStore<in TContext>
{
    /// <summary>A new thread id; override for other id schemes.</summary>
    string GenerateThreadId(TContext context) => ChatKitIds.New(StoreItemType.Thread);

    /// <summary>A new item id of the given kind; override for other id schemes.</summary>
    string GenerateItemId(StoreItemType itemType, ThreadMetadata thread, TContext context) => ChatKitIds.New(itemType);

    /// <summary>Loads a thread's metadata; throws <see cref="NotFoundException"/> when missing or not the caller's.</summary>
    Task<ThreadMetadata> LoadThreadAsync(string threadId, TContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts or overwrites a thread's metadata (never its items). The server creates threads with
    /// <see cref="CreateLeasedThreadAsync"/> (whose default calls this); changes to an existing thread go through <see cref="UpdateThreadAsync(string, Func{ThreadMetadata, ThreadMetadata}, TContext, CancellationToken)"/>,
    /// which cannot bring back a thread deleted meanwhile.
    /// </summary>
    Task SaveThreadAsync(ThreadMetadata thread, TContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts a thread the server has just created together with its first item, with the thread's
    /// write lease already held by <paramref name="holder"/> until <paramref name="until"/> (see
    /// <see cref="TryLeaseThreadAsync"/>): no other request can write to the thread before its
    /// creator holds the lease. A store that can do this in one step overrides it; the default makes
    /// the three calls (<see cref="SaveThreadAsync"/>, <see cref="TryLeaseThreadAsync"/>,
    /// <see cref="AddThreadItemAsync"/>). Throws <see cref="InvalidOperationException"/> when an id
    /// scheme repeats the id of a thread that another holder has leased.
    /// </summary>
    async Task CreateLeasedThreadAsync(
        ThreadMetadata thread, ThreadItem firstItem, string holder, DateTimeOffset now, DateTimeOffset until, TContext context, CancellationToken cancellationToken)
    {
        await SaveThreadAsync(thread, context, cancellationToken);
        if (!await TryLeaseThreadAsync(thread.Id, holder, now, until, context, cancellationToken))
        {
            throw new InvalidOperationException($"The new thread '{thread.Id}' is leased by another holder.");
        }

        await AddThreadItemAsync(thread.Id, firstItem, context, cancellationToken);
    }

    /// <summary>
    /// Changes an existing thread's metadata in one atomic step: <paramref name="change"/> gets the
    /// stored thread and returns the one to store, with no other write to the thread in between.
    /// Never inserts: returns null (and calls nothing) when the thread does not exist, for example
    /// because it was deleted while a response streamed. Returns the thread as now stored.
    /// </summary>
    Task<ThreadMetadata?> UpdateThreadAsync(
        string threadId, Func<ThreadMetadata, ThreadMetadata> change, TContext context, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="UpdateThreadAsync(string, Func{ThreadMetadata, ThreadMetadata}, TContext, CancellationToken)"/>
    /// for a caller that knows how the thread looked when it last loaded or saved it (<paramref name="seen"/>):
    /// while the stored thread still equals it, a store may write <c>change(seen)</c> in one step
    /// guarded by that equality, and run the general update only when another request changed the
    /// thread meanwhile. <paramref name="change"/> must therefore be a pure function of its argument.
    /// The default is the general update.
    /// </summary>
    Task<ThreadMetadata?> UpdateThreadAsync(
        string threadId, ThreadMetadata seen, Func<ThreadMetadata, ThreadMetadata> change, TContext context, CancellationToken cancellationToken) =>
        UpdateThreadAsync(threadId, change, context, cancellationToken);

    /// <summary>
    /// Takes the thread's write lease for <paramref name="holder"/> until <paramref name="until"/>, or
    /// renews it when <paramref name="holder"/> already has it. False while another holder's lease has
    /// not expired at <paramref name="now"/>. Throws <see cref="NotFoundException"/> when the thread
    /// does not exist. Requests that change a thread's items hold the lease while they run, so they
    /// run one at a time per thread, across every app instance that shares the store.
    /// </summary>
    Task<bool> TryLeaseThreadAsync(
        string threadId, string holder, DateTimeOffset now, DateTimeOffset until, TContext context, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="TryLeaseThreadAsync"/>, then the thread as stored when the lease was taken (what
    /// every request that changes a thread's items does first); null while another holder's lease
    /// has not expired. A store that can do both in one step overrides this; the default is the two calls.
    /// </summary>
    async Task<ThreadMetadata?> TryLeaseAndLoadThreadAsync(
        string threadId, string holder, DateTimeOffset now, DateTimeOffset until, TContext context, CancellationToken cancellationToken) =>
        await TryLeaseThreadAsync(threadId, holder, now, until, context, cancellationToken)
            ? await LoadThreadAsync(threadId, context, cancellationToken)
            : null;

    /// <summary>Gives up <paramref name="holder"/>'s lease on the thread; nothing happens when it holds none.</summary>
    Task ReleaseThreadLeaseAsync(string threadId, string holder, TContext context, CancellationToken cancellationToken);

    /// <summary>
    /// One page of a thread's items ordered by creation time (ties by insertion order). <paramref name="after"/>
    /// is an item id, exclusive; the page's <c>after</c> is the last returned id when more exist.
    /// Another user's thread yields an empty page.
    /// </summary>
    Task<Page<ThreadItem>> LoadThreadItemsAsync(string threadId, string? after, int limit, SortOrder order, TContext context, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces attachment metadata.</summary>
    Task SaveAttachmentAsync(Attachment attachment, TContext context, CancellationToken cancellationToken);

    /// <summary>Loads attachment metadata; throws <see cref="NotFoundException"/> when missing.</summary>
    Task<Attachment> LoadAttachmentAsync(string attachmentId, TContext context, CancellationToken cancellationToken);

    /// <summary>Deletes attachment metadata; no error when absent.</summary>
    Task DeleteAttachmentAsync(string attachmentId, TContext context, CancellationToken cancellationToken);

    /// <summary>One page of the caller's threads by creation time; same cursor rules as items.</summary>
    Task<Page<ThreadMetadata>> LoadThreadsAsync(int limit, string? after, SortOrder order, TContext context, CancellationToken cancellationToken);

    /// <summary>Adds an item; adding an id that exists replaces it (idempotent).</summary>
    Task AddThreadItemAsync(string threadId, ThreadItem item, TContext context, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces an item by id.</summary>
    Task SaveItemAsync(string threadId, ThreadItem item, TContext context, CancellationToken cancellationToken);

    /// <summary>Loads one item; throws <see cref="NotFoundException"/> when missing.</summary>
    Task<ThreadItem> LoadItemAsync(string threadId, string itemId, TContext context, CancellationToken cancellationToken);

    /// <summary>Deletes a thread with all its items and attachment metadata; no error when absent.</summary>
    Task DeleteThreadAsync(string threadId, TContext context, CancellationToken cancellationToken);

    /// <summary>Deletes one item; no error when absent.</summary>
    Task DeleteThreadItemAsync(string threadId, string itemId, TContext context, CancellationToken cancellationToken);
}
