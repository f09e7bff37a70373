using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKitHost;

namespace ChatKitApp.Tests.Fixtures;

/// <summary>
/// A store that forwards every call to another one; test doubles override the calls they watch or change.
/// The interface's default methods (the leased create, the lease that loads the thread, the update
/// from a seen thread) are not forwarded: they run as their defaults, through the calls here, so a
/// double that watches the lease or the thread's reads and updates sees those too.
/// </summary>
public class DelegatingStore(IChatKitStore<ChatKitRequestContext> inner) : IChatKitStore<ChatKitRequestContext>
{
    protected IChatKitStore<ChatKitRequestContext> Inner { get; } = inner;

    public virtual string GenerateThreadId(ChatKitRequestContext context) => Inner.GenerateThreadId(context);

    public virtual string GenerateItemId(StoreItemType itemType, ThreadMetadata thread, ChatKitRequestContext context) => Inner.GenerateItemId(itemType, thread, context);

    public virtual Task<ThreadMetadata> LoadThreadAsync(string threadId, ChatKitRequestContext context, CancellationToken cancellationToken) =>
        Inner.LoadThreadAsync(threadId, context, cancellationToken);

    public virtual Task SaveThreadAsync(ThreadMetadata thread, ChatKitRequestContext context, CancellationToken cancellationToken) =>
        Inner.SaveThreadAsync(thread, context, cancellationToken);

    public virtual Task<ThreadMetadata?> UpdateThreadAsync(
        string threadId, Func<ThreadMetadata, ThreadMetadata> change, ChatKitRequestContext context, CancellationToken cancellationToken) =>
        Inner.UpdateThreadAsync(threadId, change, context, cancellationToken);

    public virtual Task<bool> TryLeaseThreadAsync(
        string threadId, string holder, DateTimeOffset now, DateTimeOffset until, ChatKitRequestContext context, CancellationToken cancellationToken) =>
        Inner.TryLeaseThreadAsync(threadId, holder, now, until, context, cancellationToken);

    public virtual Task ReleaseThreadLeaseAsync(string threadId, string holder, ChatKitRequestContext context, CancellationToken cancellationToken) =>
        Inner.ReleaseThreadLeaseAsync(threadId, holder, context, cancellationToken);

    public virtual Task<Page<ThreadItem>> LoadThreadItemsAsync(
        string threadId, string? after, int limit, SortOrder order, ChatKitRequestContext context, CancellationToken cancellationToken) =>
        Inner.LoadThreadItemsAsync(threadId, after, limit, order, context, cancellationToken);

    public virtual Task SaveAttachmentAsync(Attachment attachment, ChatKitRequestContext context, CancellationToken cancellationToken) =>
        Inner.SaveAttachmentAsync(attachment, context, cancellationToken);

    public virtual Task<Attachment> LoadAttachmentAsync(string attachmentId, ChatKitRequestContext context, CancellationToken cancellationToken) =>
        Inner.LoadAttachmentAsync(attachmentId, context, cancellationToken);

    public virtual Task DeleteAttachmentAsync(string attachmentId, ChatKitRequestContext context, CancellationToken cancellationToken) =>
        Inner.DeleteAttachmentAsync(attachmentId, context, cancellationToken);

    public virtual Task<Page<ThreadMetadata>> LoadThreadsAsync(
        int limit, string? after, SortOrder order, ChatKitRequestContext context, CancellationToken cancellationToken) =>
        Inner.LoadThreadsAsync(limit, after, order, context, cancellationToken);

    public virtual Task AddThreadItemAsync(string threadId, ThreadItem item, ChatKitRequestContext context, CancellationToken cancellationToken) =>
        Inner.AddThreadItemAsync(threadId, item, context, cancellationToken);

    public virtual Task SaveItemAsync(string threadId, ThreadItem item, ChatKitRequestContext context, CancellationToken cancellationToken) =>
        Inner.SaveItemAsync(threadId, item, context, cancellationToken);

    public virtual Task<ThreadItem> LoadItemAsync(string threadId, string itemId, ChatKitRequestContext context, CancellationToken cancellationToken) =>
        Inner.LoadItemAsync(threadId, itemId, context, cancellationToken);

    public virtual Task DeleteThreadAsync(string threadId, ChatKitRequestContext context, CancellationToken cancellationToken) =>
        Inner.DeleteThreadAsync(threadId, context, cancellationToken);

    public virtual Task DeleteThreadItemAsync(string threadId, string itemId, ChatKitRequestContext context, CancellationToken cancellationToken) =>
        Inner.DeleteThreadItemAsync(threadId, itemId, context, cancellationToken);
}
