using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKitHost;

namespace ChatKitApp.Sharing;

/// <summary>
/// Share links in process, for the in-memory configuration. The memory chat store has no foreign
/// keys, so the cascade is checked instead: a link whose thread is gone is dropped when it is
/// looked up, and is never found again.
/// </summary>
public sealed class MemoryShareStore(IChatKitStore<ChatKitRequestContext> chats) : IShareStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string UserId, string ThreadId), SharedThread> _byThread = [];
    private readonly Dictionary<string, SharedThread> _byToken = new(StringComparer.Ordinal);

    public async Task<bool> SaveAsync(SharedThread share, CancellationToken cancellationToken)
    {
        if (!await ThreadExistsAsync(share.UserId, share.ThreadId, cancellationToken))
        {
            return false;
        }

        var copy = share with { TokenHash = [.. share.TokenHash], Snapshot = ChatKitJson.Clone(share.Snapshot) };
        lock (_gate)
        {
            Remove(share.UserId, share.ThreadId);
            _byThread[(share.UserId, share.ThreadId)] = copy;
            _byToken[Convert.ToHexString(copy.TokenHash)] = copy;
        }

        return true;
    }

    public Task RevokeAsync(string userId, string threadId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Remove(userId, threadId);
        }

        return Task.CompletedTask;
    }

    public async Task<SharedThread?> FindAsync(byte[] tokenHash, CancellationToken cancellationToken)
    {
        SharedThread? share;
        lock (_gate)
        {
            _byToken.TryGetValue(Convert.ToHexString(tokenHash), out share);
        }

        if (share is null)
        {
            return null;
        }

        if (!await ThreadExistsAsync(share.UserId, share.ThreadId, cancellationToken))
        {
            lock (_gate)
            {
                if (_byThread.TryGetValue((share.UserId, share.ThreadId), out var current) && ReferenceEquals(current, share))
                {
                    Remove(share.UserId, share.ThreadId);
                }
            }

            return null;
        }

        return share with { Snapshot = ChatKitJson.Clone(share.Snapshot) };
    }

    private void Remove(string userId, string threadId)
    {
        if (_byThread.Remove((userId, threadId), out var old))
        {
            _byToken.Remove(Convert.ToHexString(old.TokenHash));
        }
    }

    private async Task<bool> ThreadExistsAsync(string userId, string threadId, CancellationToken cancellationToken)
    {
        try
        {
            await chats.LoadThreadAsync(threadId, new ChatKitRequestContext(userId), cancellationToken);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
