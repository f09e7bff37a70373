using ChatKitApp.Agents.Turn;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKitHost;
using Microsoft.Extensions.Options;

namespace ChatKitApp.Attachments;

/// <summary>
/// The app's attachments: <c>attachments.create</c> checks type and size and answers an upload
/// descriptor pointing at this app (<see cref="AttachmentEndpoints"/>), whose bytes land in an
/// <see cref="IAttachmentBlobStore"/>; images get a preview URL served only to their owner. It also
/// gives the model converter the bytes, so the model sees images and reads text files.
/// </summary>
public sealed class BlobAttachmentStore(
    IAttachmentBlobStore blobs,
    IOptions<AttachmentOptions> options,
    IHttpContextAccessor httpContextAccessor,
    IAttachmentExpiry? expiry = null) : IAttachmentStore<ChatKitRequestContext>, IAttachmentContentSource
{
    public const string RoutePrefix = "/chatkit/attachments";

    /// <summary>The header the app's own requests carry; the upload descriptor asks for it too (CSRF check).</summary>
    public const string RequestMarkerHeader = "X-ChatKit-Request";

    public Task<Attachment> CreateAttachmentAsync(AttachmentCreateParams input, ChatKitRequestContext context, CancellationToken cancellationToken)
    {
        var mimeType = Check(input.Name, input.Size, input.MimeType);
        var id = ChatKitIds.New(StoreItemType.Attachment);
        var descriptor = new UploadDescriptor
        {
            Url = Absolute($"{RoutePrefix}/{id}/upload"),
            Method = "POST",
            Headers = new Dictionary<string, string> { [RequestMarkerHeader] = "1" },
        };
        expiry?.Created(context.UserId, id); // unsent, it expires after the retention
        return Task.FromResult(Describe(id, input.Name, mimeType, descriptor));
    }

    public Task DeleteAttachmentAsync(string attachmentId, ChatKitRequestContext context, CancellationToken cancellationToken) =>
        blobs.DeleteAsync(context.UserId, attachmentId, cancellationToken);

    public Task DeleteThreadAttachmentsAsync(string threadId, ChatKitRequestContext context, CancellationToken cancellationToken) =>
        blobs.DeleteThreadAsync(context.UserId, threadId, cancellationToken);

    public async Task<ReadOnlyMemory<byte>?> ReadAsync(Attachment attachment, ChatKitRequestContext context, CancellationToken cancellationToken) =>
        await blobs.ReadAsync(context.UserId, attachment.Id, cancellationToken) is { } bytes ? bytes : null;

    /// <summary>
    /// Checks a file against the limits and returns its media type without parameters, or throws a
    /// 400 (type) or 413 (size) whose message the user can act on.
    /// </summary>
    public string Check(string name, long size, string mimeType)
    {
        var limits = options.Value;
        var type = mimeType.Split(';', 2)[0].Trim().ToLowerInvariant();
        if (string.IsNullOrWhiteSpace(name))
        {
            throw ChatKitRequestException.BadRequest("An attachment needs a file name.");
        }

        if (name.Any(char.IsControl))
        {
            // A NUL cannot be stored in PostgreSQL, and a newline has no business in a name shown in the chat.
            throw ChatKitRequestException.BadRequest("A file name cannot contain control characters.");
        }

        if (!limits.EffectiveAllowedTypes.Contains(type, StringComparer.OrdinalIgnoreCase))
        {
            throw new ChatKitRequestException(StatusCodes.Status415UnsupportedMediaType, "unsupported_type",
                $"'{name}' is of type '{(type.Length == 0 ? "unknown" : type)}', which cannot be attached. Allowed: {string.Join(", ", limits.EffectiveAllowedTypes)}.");
        }

        if (size <= 0)
        {
            throw ChatKitRequestException.BadRequest($"'{name}' is empty.");
        }

        if (size > limits.MaxBytes)
        {
            throw new ChatKitRequestException(StatusCodes.Status413PayloadTooLarge, "too_large",
                $"'{name}' is {Megabytes(size)}; attachments may be at most {Megabytes(limits.MaxBytes)}.");
        }

        return type;
    }

    /// <summary>The attachment as the client sees it: images with a preview URL of this app.</summary>
    private Attachment Describe(string id, string name, string mimeType, UploadDescriptor? descriptor) =>
        mimeType.StartsWith("image/", StringComparison.Ordinal)
            ? new ImageAttachment { Id = id, Name = name, MimeType = mimeType, UploadDescriptor = descriptor, PreviewUrl = Absolute($"{RoutePrefix}/{id}/content") }
            : new FileAttachment { Id = id, Name = name, MimeType = mimeType, UploadDescriptor = descriptor };

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):0.#} MB";

    /// <summary>The protocol wants absolute URLs; they are built from the request being answered.</summary>
    private string Absolute(string path) =>
        httpContextAccessor.HttpContext?.Request is { } request
            ? $"{request.Scheme}://{request.Host}{request.PathBase}{path}"
            : path;
}
