using System.Collections.Concurrent;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKitHost;

namespace ChatKitApp.Attachments;

/// <summary>
/// Expiry for the in-memory configuration. The memory store keeps no creation time and cannot list
/// every user's attachments, so this keeps its own list of recent uploads and when they were created;
/// a sweep looks each old one up in the store and deletes it (bytes, then metadata) if it is still on
/// no thread. Once an upload is sent, deleted or expired it leaves the list, so the list holds only
/// uploads younger than the retention, plus unsent ones waiting for the next sweep. One instance only,
/// so no lock.
/// </summary>
public sealed class MemoryAttachmentExpiry(IChatKitStore<ChatKitRequestContext> store, IAttachmentBlobStore blobs, TimeProvider time) : IAttachmentExpiry
{
    private readonly ConcurrentDictionary<(string UserId, string AttachmentId), DateTimeOffset> _created = new();

    public void Created(string userId, string attachmentId) => _created[(userId, attachmentId)] = time.GetUtcNow();

    public async Task<int?> DeleteUnattachedAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var ((userId, attachmentId), createdAt) in _created)
        {
            if (createdAt >= createdBefore)
            {
                continue;
            }

            var context = new ChatKitRequestContext(userId);
            if (await IsUnattachedAsync(attachmentId, context, cancellationToken))
            {
                await blobs.DeleteAsync(userId, attachmentId, cancellationToken);
                await store.DeleteAttachmentAsync(attachmentId, context, cancellationToken);
                deleted++;
            }

            _created.TryRemove((userId, attachmentId), out _);
        }

        return deleted;
    }

    private async Task<bool> IsUnattachedAsync(string attachmentId, ChatKitRequestContext context, CancellationToken cancellationToken)
    {
        try
        {
            return (await store.LoadAttachmentAsync(attachmentId, context, cancellationToken)).ThreadId is null;
        }
        catch (NotFoundException)
        {
            return false; // its user deleted it
        }
    }
}
