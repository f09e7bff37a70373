using System.Text.Json.Nodes;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKitHost;

namespace ChatKitApp.Tests.Fixtures;

/// <summary>An attachment store that hands out upload descriptors and records deletions.</summary>
public sealed class RecordingAttachmentStore : IAttachmentStore<ChatKitRequestContext>
{
    public List<string> Deleted { get; } = [];

    public Task<Attachment> CreateAttachmentAsync(AttachmentCreateParams input, ChatKitRequestContext context, CancellationToken cancellationToken)
    {
        var id = ChatKitIds.New(StoreItemType.Attachment);
        var upload = new UploadDescriptor { Url = $"https://uploads.example/{id}", Method = "PUT", Headers = new Dictionary<string, string> { ["X-Token"] = "1" } };
        var metadata = new JsonObject { ["storage_key"] = "bucket/" + id };
        Attachment attachment = input.MimeType.StartsWith("image/", StringComparison.Ordinal)
            ? new ImageAttachment { Id = id, Name = input.Name, MimeType = input.MimeType, UploadDescriptor = upload, PreviewUrl = $"https://uploads.example/{id}/preview", Metadata = metadata }
            : new FileAttachment { Id = id, Name = input.Name, MimeType = input.MimeType, UploadDescriptor = upload, Metadata = metadata };
        return Task.FromResult(attachment);
    }

    public Task DeleteAttachmentAsync(string attachmentId, ChatKitRequestContext context, CancellationToken cancellationToken)
    {
        Deleted.Add(attachmentId);
        return Task.CompletedTask;
    }
}
