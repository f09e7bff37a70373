using System.Text.Json;
using ChatKitApp.ChatExport;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKitHost;

namespace ChatKitApp.Sharing;

/// <summary>
/// Share links: a link shows a copy of the thread taken when it was shared, so what is said later
/// (or retried, edited, renamed) never shows on it. Sharing a shared thread again makes a new link
/// with a new snapshot and retires the old link: only the token's hash is stored, so the old link
/// cannot be handed out again, and a second share means "share what is there now".
/// </summary>
public sealed class ShareService(IChatKitStore<ChatKitRequestContext> chats, ThreadExport export, IShareStore shares, TimeProvider time)
{
    /// <summary>Where share links live: <c>/share/{token}</c>.</summary>
    public const string PathPrefix = "/share/";

    /// <summary>Shares the caller's thread; the new link's path, or null when the thread is not the caller's.</summary>
    public async Task<string?> ShareAsync(string threadId, ChatKitRequestContext context, CancellationToken cancellationToken)
    {
        ChatThread thread;
        try
        {
            thread = await export.LoadAsync(threadId, context, cancellationToken);
        }
        catch (NotFoundException)
        {
            return null;
        }

        // Through the wire form: the snapshot keeps what the thread's owner sees and nothing the
        // server keeps to itself (attachments' private metadata).
        var snapshot = JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(thread, ChatKitJson.WireType<ChatThread>()), ChatKitJson.StorageType<ChatThread>())!;
        var token = ShareToken.New();
        var share = new SharedThread(context.UserId, threadId, ShareToken.Hash(token)!, time.GetUtcNow(), snapshot);
        return await shares.SaveAsync(share, cancellationToken) ? PathPrefix + token : null;
    }

    /// <summary>Revokes the link of the caller's thread (if it has one); false when the thread is not the caller's.</summary>
    public async Task<bool> RevokeAsync(string threadId, ChatKitRequestContext context, CancellationToken cancellationToken)
    {
        try
        {
            await chats.LoadThreadAsync(threadId, context, cancellationToken);
        }
        catch (NotFoundException)
        {
            return false;
        }

        await shares.RevokeAsync(context.UserId, threadId, cancellationToken);
        return true;
    }

    /// <summary>The live link with <paramref name="token"/>, or null (unknown, revoked, its thread deleted, or no token at all).</summary>
    public async Task<SharedThread?> FindAsync(string? token, CancellationToken cancellationToken) =>
        ShareToken.Hash(token) is { } hash ? await shares.FindAsync(hash, cancellationToken) : null;
}
