using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKitHost;
using ChatKitApp.Tests.Fixtures;
using static ChatKitApp.Tests.Fixtures.ServerHarness;

namespace ChatKitApp.Tests.ChatKit.Server;

/// <summary>What <c>threads.delete</c> asks of the attachment store: one call, while the thread's attachments are still stored.</summary>
public sealed class ThreadDeleteTests
{
    [Fact]
    public async Task Threads_delete_hands_the_thread_to_the_attachment_store_while_its_attachments_still_name_it()
    {
        var attachments = new ThreadHookAttachmentStore();
        var h = new ServerHarness(attachments);
        var (threadId, attachmentId) = await NewThreadWithAttachmentAsync(h);
        string? threadOfAttachment = null;
        attachments.ThreadDeleting = async (_, context) => threadOfAttachment = (await h.Store.LoadAttachmentAsync(attachmentId, context, CancellationToken.None)).ThreadId;

        await h.JsonAsync(new ThreadsDeleteRequest { Params = new() { ThreadId = threadId } });

        Assert.Equal([(threadId, Alice.UserId)], attachments.ThreadsDeleted);
        Assert.Equal(threadId, threadOfAttachment);
        await Assert.ThrowsAsync<NotFoundException>(() => h.Store.LoadAttachmentAsync(attachmentId, Alice, CancellationToken.None));
    }

    [Fact]
    public async Task Threads_delete_of_another_users_thread_never_reaches_the_attachment_store()
    {
        var attachments = new ThreadHookAttachmentStore();
        var h = new ServerHarness(attachments);
        var threadId = await h.NewThreadAsync(Alice);

        var ex = await Assert.ThrowsAsync<ChatKitRequestException>(() => h.JsonAsync(new ThreadsDeleteRequest { Params = new() { ThreadId = threadId } }, Bob));

        Assert.Equal(404, ex.StatusCode);
        Assert.Empty(attachments.ThreadsDeleted);
    }

    [Fact]
    public async Task Threads_delete_with_the_default_hook_deletes_no_attachment_bytes()
    {
        var files = new RecordingAttachmentStore(); // keeps the interface's default DeleteThreadAttachmentsAsync
        var h = new ServerHarness(files);
        var (threadId, _) = await NewThreadWithAttachmentAsync(h);

        await h.JsonAsync(new ThreadsDeleteRequest { Params = new() { ThreadId = threadId } });

        Assert.Empty(files.Deleted);
    }

    private static async Task<(string ThreadId, string AttachmentId)> NewThreadWithAttachmentAsync(ServerHarness h)
    {
        var attachmentId = (await h.JsonAsync(new AttachmentsCreateRequest { Params = new() { Name = "a.txt", Size = 1, MimeType = "text/plain" } }))["id"]!.GetValue<string>();
        var events = await h.StreamAsync(new ThreadsCreateRequest { Params = new() { Input = Input("see file", attachments: [attachmentId]) } });
        return (Assert.IsType<ThreadCreatedEvent>(events[0]).Thread.Id, attachmentId);
    }

    /// <summary>Hands out attachments as <see cref="RecordingAttachmentStore"/> does and records the thread hook.</summary>
    private sealed class ThreadHookAttachmentStore : IAttachmentStore<ChatKitRequestContext>
    {
        private readonly RecordingAttachmentStore _files = new();

        public List<(string ThreadId, string UserId)> ThreadsDeleted { get; } = [];

        public Func<string, ChatKitRequestContext, Task> ThreadDeleting { get; set; } = (_, _) => Task.CompletedTask;

        public Task<Attachment> CreateAttachmentAsync(AttachmentCreateParams input, ChatKitRequestContext context, CancellationToken cancellationToken) =>
            _files.CreateAttachmentAsync(input, context, cancellationToken);

        public Task DeleteAttachmentAsync(string attachmentId, ChatKitRequestContext context, CancellationToken cancellationToken) =>
            _files.DeleteAttachmentAsync(attachmentId, context, cancellationToken);

        public Task DeleteThreadAttachmentsAsync(string threadId, ChatKitRequestContext context, CancellationToken cancellationToken)
        {
            ThreadsDeleted.Add((threadId, context.UserId));
            return ThreadDeleting(threadId, context);
        }
    }
}
