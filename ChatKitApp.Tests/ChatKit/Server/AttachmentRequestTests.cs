using System.Text.Json.Nodes;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.Tests.Fixtures;
using static ChatKitApp.Tests.Fixtures.ServerHarness;

namespace ChatKitApp.Tests.ChatKit.Server;

public sealed class AttachmentRequestTests
{
    private readonly RecordingAttachmentStore _files = new();
    private readonly ServerHarness _h;

    public AttachmentRequestTests() => _h = new ServerHarness(_files);

    [Fact]
    public async Task Create_file_returns_descriptor_without_metadata_and_saves_it()
    {
        var json = await _h.JsonAsync(new AttachmentsCreateRequest { Params = new() { Name = "notes.txt", Size = 12, MimeType = "text/plain" } });

        Assert.Equal("file", json["type"]!.GetValue<string>());
        Assert.Equal("PUT", json["upload_descriptor"]!["method"]!.GetValue<string>());
        Assert.Equal("1", json["upload_descriptor"]!["headers"]!["X-Token"]!.GetValue<string>());
        Assert.Null(json["metadata"]);
        var stored = await _h.Store.LoadAttachmentAsync(json["id"]!.GetValue<string>(), Alice, default);
        Assert.Equal("bucket/" + stored.Id, stored.Metadata!["storage_key"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_image_has_a_preview_url_and_descriptor()
    {
        var json = await _h.JsonAsync(new AttachmentsCreateRequest { Params = new() { Name = "a.png", Size = 3, MimeType = "image/png" } });

        Assert.Equal("image", json["type"]!.GetValue<string>());
        Assert.EndsWith("/preview", json["preview_url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(json["upload_descriptor"]);
    }

    [Fact]
    public async Task Attachments_get_the_thread_id_on_create_and_on_add_user_message_and_hide_metadata_in_lists()
    {
        var first = await CreateAttachmentAsync("one.txt");
        var second = await CreateAttachmentAsync("two.txt");

        var events = await _h.StreamAsync(new ThreadsCreateRequest { Params = new() { Input = Input("see file", attachments: [first]) } });
        var threadId = ((ThreadCreatedEvent)events[0]).Thread.Id;
        await _h.StreamAsync(new ThreadsAddUserMessageRequest { Params = new() { ThreadId = threadId, Input = Input("and this", attachments: [second]) } });

        Assert.Equal(threadId, (await _h.Store.LoadAttachmentAsync(first, Alice, default)).ThreadId);
        Assert.Equal(threadId, (await _h.Store.LoadAttachmentAsync(second, Alice, default)).ThreadId);
        var listed = await _h.JsonAsync(new ItemsListRequest { Params = new() { ThreadId = threadId } });
        var attachmentsJson = listed["data"]!.AsArray().SelectMany(item => item!["attachments"]!.AsArray()).ToList();
        Assert.Equal(2, attachmentsJson.Count);
        Assert.All(attachmentsJson, a => Assert.Null(a!["metadata"]));
        Assert.All(attachmentsJson, a => Assert.Equal(threadId, a!["thread_id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Delete_removes_bytes_and_metadata()
    {
        var id = await CreateAttachmentAsync("gone.txt");

        var result = await _h.JsonAsync(new AttachmentsDeleteRequest { Params = new() { AttachmentId = id } });

        Assert.Equal("{}", result.ToJsonString());
        Assert.Equal([id], _files.Deleted);
        await Assert.ThrowsAsync<NotFoundException>(() => _h.Store.LoadAttachmentAsync(id, Alice, default));
    }

    [Fact]
    public async Task Deleting_another_users_attachment_is_not_found_and_deletes_nothing()
    {
        var id = await CreateAttachmentAsync("alice.txt");

        var ex = await Assert.ThrowsAsync<ChatKitRequestException>(() => _h.JsonAsync(new AttachmentsDeleteRequest { Params = new() { AttachmentId = id } }, Bob));

        Assert.Equal(404, ex.StatusCode);
        Assert.Empty(_files.Deleted);
    }

    [Fact]
    public async Task Without_an_attachment_store_create_and_delete_are_not_implemented()
    {
        var h = new ServerHarness();

        var create = await Assert.ThrowsAsync<ChatKitRequestException>(() => h.JsonAsync(new AttachmentsCreateRequest { Params = new() { Name = "a", Size = 1, MimeType = "text/plain" } }));
        var delete = await Assert.ThrowsAsync<ChatKitRequestException>(() => h.JsonAsync(new AttachmentsDeleteRequest { Params = new() { AttachmentId = "atc_1" } }));

        Assert.Equal(501, create.StatusCode);
        Assert.Equal(501, delete.StatusCode);
    }

    [Fact]
    public async Task Unknown_attachment_fails_create_before_any_thread_exists()
    {
        var ex = await Assert.ThrowsAsync<ChatKitRequestException>(() =>
            _h.StreamAsync(new ThreadsCreateRequest { Params = new() { Input = Input("x", attachments: ["atc_missing"]) } }));

        Assert.Equal(404, ex.StatusCode);
        Assert.Empty((await _h.Store.LoadThreadsAsync(10, null, SortOrder.Desc, Alice, default)).Data);
    }

    private async Task<string> CreateAttachmentAsync(string name)
    {
        var json = await _h.JsonAsync(new AttachmentsCreateRequest { Params = new() { Name = name, Size = 1, MimeType = "text/plain" } });
        return json["id"]!.GetValue<string>();
    }

    [Fact]
    public void Attachment_metadata_is_kept_in_storage_json_only()
    {
        Attachment attachment = new FileAttachment { Id = "atc_1", Name = "n", MimeType = "text/plain", Metadata = new JsonObject { ["k"] = 1 } };

        var wire = System.Text.Json.JsonSerializer.Serialize(attachment, ChatKitJson.WireType<Attachment>());
        var storage = System.Text.Json.JsonSerializer.Serialize(attachment, ChatKitJson.StorageType<Attachment>());

        Assert.DoesNotContain("metadata", wire, StringComparison.Ordinal);
        Assert.Contains("\"metadata\":{\"k\":1}", storage, StringComparison.Ordinal);
    }
}
