using System.Collections.Concurrent;

namespace ChatKitApp.Attachments;

/// <summary>Attachment bytes in memory, for the in-memory configuration: gone on restart, like its chats.</summary>
public sealed class MemoryAttachmentBlobStore : IAttachmentBlobStore
{
    private readonly ConcurrentDictionary<(string UserId, string AttachmentId), byte[]> _blobs = new();

    public Task SaveAsync(string userId, string attachmentId, byte[] content, CancellationToken cancellationToken)
    {
        _blobs[(userId, attachmentId)] = content;
        return Task.CompletedTask;
    }

    public Task<byte[]?> ReadAsync(string userId, string attachmentId, CancellationToken cancellationToken) =>
        Task.FromResult(_blobs.TryGetValue((userId, attachmentId), out var content) ? content : null);

    public Task DeleteAsync(string userId, string attachmentId, CancellationToken cancellationToken)
    {
        _blobs.TryRemove((userId, attachmentId), out _);
        return Task.CompletedTask;
    }
}
