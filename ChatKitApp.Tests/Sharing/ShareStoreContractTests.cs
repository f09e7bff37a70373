using System.Text.Json;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKitHost;
using ChatKitApp.Sharing;

namespace ChatKitApp.Tests.Sharing;

/// <summary>What every <see cref="IShareStore"/> must do, beside its chat store; subclasses supply both.</summary>
public abstract class ShareStoreContractTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 15, 0, 0, TimeSpan.Zero);

    private readonly ChatKitRequestContext _alice = new($"alice-{Guid.NewGuid():N}");

    protected abstract IChatKitStore<ChatKitRequestContext> Chats { get; }

    protected abstract IShareStore Shares { get; }

    [Fact]
    public async Task Saved_share_is_found_by_its_token_hash_with_its_snapshot()
    {
        var threadId = await NewThreadAsync();
        var share = Share(threadId, "first words");

        Assert.True(await Shares.SaveAsync(share, CancellationToken.None));

        var found = await Shares.FindAsync(share.TokenHash, CancellationToken.None);
        Assert.NotNull(found);
        Assert.Equal((share.UserId, share.ThreadId, share.SharedAt), (found.UserId, found.ThreadId, found.SharedAt));
        Assert.Equal(Json(share.Snapshot), Json(found.Snapshot));
    }

    [Fact]
    public async Task Saving_again_replaces_the_threads_link()
    {
        var threadId = await NewThreadAsync();
        var first = Share(threadId, "first words");
        var second = Share(threadId, "second words");
        await Shares.SaveAsync(first, CancellationToken.None);

        await Shares.SaveAsync(second, CancellationToken.None);

        Assert.Null(await Shares.FindAsync(first.TokenHash, CancellationToken.None));
        Assert.Contains("second words", Json((await Shares.FindAsync(second.TokenHash, CancellationToken.None))!.Snapshot), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Share_of_a_thread_that_no_longer_exists_is_refused_and_never_found()
    {
        // What a share racing a delete meets: the owner's thread was there when it was read, and is gone now.
        var threadId = await NewThreadAsync();
        await Chats.DeleteThreadAsync(threadId, _alice, CancellationToken.None);
        var share = Share(threadId, "too late");

        Assert.False(await Shares.SaveAsync(share, CancellationToken.None));
        Assert.Null(await Shares.FindAsync(share.TokenHash, CancellationToken.None));
    }

    [Fact]
    public async Task Deleting_the_thread_deletes_its_link()
    {
        var threadId = await NewThreadAsync();
        var share = Share(threadId, "soon gone");
        await Shares.SaveAsync(share, CancellationToken.None);

        await Chats.DeleteThreadAsync(threadId, _alice, CancellationToken.None);

        Assert.Null(await Shares.FindAsync(share.TokenHash, CancellationToken.None));
    }

    [Fact]
    public async Task Revoke_deletes_only_that_threads_link()
    {
        var revokedThread = await NewThreadAsync();
        var keptThread = await NewThreadAsync();
        var revoked = Share(revokedThread, "revoked");
        var kept = Share(keptThread, "kept");
        await Shares.SaveAsync(revoked, CancellationToken.None);
        await Shares.SaveAsync(kept, CancellationToken.None);

        await Shares.RevokeAsync(_alice.UserId, revokedThread, CancellationToken.None);
        await Shares.RevokeAsync(_alice.UserId, "thr_never_shared", CancellationToken.None); // no error

        Assert.Null(await Shares.FindAsync(revoked.TokenHash, CancellationToken.None));
        Assert.NotNull(await Shares.FindAsync(kept.TokenHash, CancellationToken.None));
    }

    private async Task<string> NewThreadAsync()
    {
        var id = ChatKitIds.New(StoreItemType.Thread);
        await Chats.SaveThreadAsync(new ThreadMetadata { Id = id, CreatedAt = T0 }, _alice, CancellationToken.None);
        return id;
    }

    private SharedThread Share(string threadId, string text) => new(
        _alice.UserId,
        threadId,
        ShareToken.Hash(ShareToken.New())!,
        T0.AddMinutes(5),
        new ChatThread
        {
            Id = threadId,
            Title = "Shared",
            CreatedAt = T0,
            Items = new Page<ThreadItem>
            {
                Data = [new UserMessageItem { Id = "msg_1", ThreadId = threadId, CreatedAt = T0, Content = [new UserMessageTextContent(text)] }],
            },
        });

    private static string Json(ChatThread thread) => JsonSerializer.Serialize(thread, ChatKitJson.WireType<ChatThread>());
}
