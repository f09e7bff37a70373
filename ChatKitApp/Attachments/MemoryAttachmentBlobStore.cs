using System.Collections.Concurrent;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKitHost;

namespace ChatKitApp.Attachments;

/// <summary>
/// Attachment bytes in memory, for the in-memory configuration: gone on restart, like its chats. As in
/// PostgreSQL, bytes belong to their attachment's metadata in the ChatKit store, which says which thread
/// they are on.
/// </summary>
public sealed class MemoryAttachmentBlobStore(IChatKitStore<ChatKitRequestContext> store) : IAttachmentBlobStore
{
    // Per user, so a thread's deletion looks only at its user's bytes.
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte[]>> _users = new(StringComparer.Ordinal);

    public Task SaveAsync(string userId, string attachmentId, byte[] content, CancellationToken cancellationToken)
    {
        _users.GetOrAdd(userId, _ => new(StringComparer.Ordinal))[attachmentId] = content;
        return Task.CompletedTask;
    }

    public Task<byte[]?> ReadAsync(string userId, string attachmentId, CancellationToken cancellationToken) =>
        Task.FromResult(_users.TryGetValue(userId, out var blobs) && blobs.TryGetValue(attachmentId, out var content) ? content : null);

    public Task DeleteAsync(string userId, string attachmentId, CancellationToken cancellationToken)
    {
        if (_users.TryGetValue(userId, out var blobs))
        {
            blobs.TryRemove(attachmentId, out _);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// What the foreign key does in PostgreSQL: the bytes of the attachments whose metadata names the
    /// thread go, the ones the store is about to delete with it.
    /// </summary>
    public async Task DeleteThreadAsync(string userId, string threadId, CancellationToken cancellationToken)
    {
        if (!_users.TryGetValue(userId, out var blobs))
        {
            return;
        }

        var context = new ChatKitRequestContext(userId);
        foreach (var attachmentId in blobs.Keys)
        {
            if (await ThreadOfAsync(attachmentId, context, cancellationToken) == threadId)
            {
                blobs.TryRemove(attachmentId, out _);
            }
        }
    }

    private async Task<string?> ThreadOfAsync(string attachmentId, ChatKitRequestContext context, CancellationToken cancellationToken)
    {
        try
        {
            return (await store.LoadAttachmentAsync(attachmentId, context, cancellationToken)).ThreadId;
        }
        catch (NotFoundException)
        {
            return null; // attachments.delete is removing it: not this thread's to take
        }
    }
}
