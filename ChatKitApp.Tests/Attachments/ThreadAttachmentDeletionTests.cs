using ChatKitApp.Attachments;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKitHost;
using ChatKitApp.Tests.Fixtures;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using static ChatKitApp.Tests.Fixtures.ServerHarness;

namespace ChatKitApp.Tests.Attachments;

/// <summary>
/// <c>threads.delete</c> with the app's attachment store over each blob store and the ChatKit store it
/// belongs with: the bytes of the thread's attachments go with it, and nobody else's do.
/// </summary>
public abstract class ThreadAttachmentDeletionTests
{
    private static readonly byte[] Bytes = "hello"u8.ToArray();

    /// <summary>A ChatKit store and the blob store that keeps bytes beside it.</summary>
    protected abstract (IChatKitStore<ChatKitRequestContext> Store, IAttachmentBlobStore Blobs) CreateStores();

    private (ServerHarness Harness, IAttachmentBlobStore Blobs) Start()
    {
        var (store, blobs) = CreateStores();
        var attachments = new BlobAttachmentStore(blobs, Options.Create(new AttachmentOptions()), new HttpContextAccessor());
        return (new ServerHarness(attachments, store: store), blobs);
    }

    [Fact]
    public async Task Threads_delete_removes_the_bytes_of_every_attachment_on_the_thread()
    {
        var (h, blobs) = Start();
        var first = await UploadAsync(h, blobs, Alice);
        var threadId = await NewThreadAsync(h, Alice, first);
        var second = await UploadAsync(h, blobs, Alice);
        await h.StreamAsync(new ThreadsAddUserMessageRequest { Params = new() { ThreadId = threadId, Input = Input("and this", attachments: [second]) } });

        await DeleteThreadAsync(h, threadId, Alice);

        Assert.Null(await blobs.ReadAsync(Alice.UserId, first, CancellationToken.None));
        Assert.Null(await blobs.ReadAsync(Alice.UserId, second, CancellationToken.None));
    }

    [Fact]
    public async Task Threads_delete_keeps_the_bytes_of_other_threads_unsent_uploads_and_other_users()
    {
        var (h, blobs) = Start();
        var threadId = await NewThreadAsync(h, Alice, await UploadAsync(h, blobs, Alice));
        var otherThread = await UploadAsync(h, blobs, Alice);
        await NewThreadAsync(h, Alice, otherThread);
        var unsent = await UploadAsync(h, blobs, Alice);
        var bobs = await UploadAsync(h, blobs, Bob);
        await NewThreadAsync(h, Bob, bobs);

        await DeleteThreadAsync(h, threadId, Alice);

        await AssertKeptAsync(blobs, Alice, otherThread, unsent);
        await AssertKeptAsync(blobs, Bob, bobs);
    }

    [Fact]
    public async Task Threads_delete_of_a_thread_without_attachments_keeps_every_byte()
    {
        var (h, blobs) = Start();
        var sent = await UploadAsync(h, blobs, Alice);
        await NewThreadAsync(h, Alice, sent);
        var unsent = await UploadAsync(h, blobs, Alice);
        var threadId = await h.NewThreadAsync(Alice);

        await DeleteThreadAsync(h, threadId, Alice);

        await AssertKeptAsync(blobs, Alice, sent, unsent);
    }

    [Fact]
    public async Task Threads_delete_of_another_users_thread_is_not_found_and_keeps_its_bytes()
    {
        var (h, blobs) = Start();
        var attachmentId = await UploadAsync(h, blobs, Alice);
        var threadId = await NewThreadAsync(h, Alice, attachmentId);

        var ex = await Assert.ThrowsAsync<ChatKitRequestException>(() => DeleteThreadAsync(h, threadId, Bob));

        Assert.Equal(404, ex.StatusCode);
        await AssertKeptAsync(blobs, Alice, attachmentId);
    }

    /// <summary>attachments.create, then the bytes stored as the upload endpoint stores them.</summary>
    private static async Task<string> UploadAsync(ServerHarness h, IAttachmentBlobStore blobs, ChatKitRequestContext user)
    {
        var created = await h.JsonAsync(new AttachmentsCreateRequest { Params = new() { Name = "notes.txt", Size = Bytes.Length, MimeType = "text/plain" } }, user);
        var id = created["id"]!.GetValue<string>();
        await blobs.SaveAsync(user.UserId, id, Bytes, CancellationToken.None);
        return id;
    }

    private static Task DeleteThreadAsync(ServerHarness h, string threadId, ChatKitRequestContext user) =>
        h.JsonAsync(new ThreadsDeleteRequest { Params = new() { ThreadId = threadId } }, user);

    private static async Task AssertKeptAsync(IAttachmentBlobStore blobs, ChatKitRequestContext user, params string[] attachmentIds)
    {
        foreach (var attachmentId in attachmentIds)
        {
            Assert.Equal(Bytes, await blobs.ReadAsync(user.UserId, attachmentId, CancellationToken.None));
        }
    }

    private static async Task<string> NewThreadAsync(ServerHarness h, ChatKitRequestContext user, string attachmentId)
    {
        var events = await h.StreamAsync(new ThreadsCreateRequest { Params = new() { Input = Input("see file", attachments: [attachmentId]) } }, user);
        return Assert.IsType<ThreadCreatedEvent>(events[0]).Thread.Id;
    }
}
