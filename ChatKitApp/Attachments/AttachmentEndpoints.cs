using ChatKitApp.Auth;
using ChatKitApp.ChatKitHost;
using System.Text.Json;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.Hosting;
using ChatKitApp.Limits;

namespace ChatKitApp.Attachments;

/// <summary>
/// The upload side of attachments, outside the ChatKit request union: phase two of a two-phase
/// upload (<c>POST|PUT /chatkit/attachments/{id}/upload</c>), the direct strategy
/// (<c>POST /chatkit/attachments</c>, multipart <c>file</c>, answers the Attachment JSON), and image
/// previews (<c>GET /chatkit/attachments/{id}/content</c>). The user comes from the same request
/// context factory as <c>/chatkit</c>, so these are as authenticated as the chat itself, and every
/// lookup is scoped to that user: someone else's attachment is simply not found.
/// </summary>
public static class AttachmentEndpoints
{
    public static RouteGroupBuilder MapChatKitAttachments(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(BlobAttachmentStore.RoutePrefix);

        // Checks throw ChatKitRequestException, stores NotFoundException; both answer the JSON
        // error of /chatkit, written by the same code.
        group.AddEndpointFilter(async (invocation, next) =>
        {
            try
            {
                return await next(invocation);
            }
            catch (ChatKitRequestException ex)
            {
                await JsonError.WriteAsync(invocation.HttpContext, ex.StatusCode, ex.Code, ex.Message, invocation.HttpContext.RequestAborted);
            }
            catch (NotFoundException ex)
            {
                var notFound = ChatKitRequestException.NotFound(ex.Message);
                await JsonError.WriteAsync(invocation.HttpContext, notFound.StatusCode, notFound.Code, notFound.Message, invocation.HttpContext.RequestAborted);
            }

            return Results.Empty;
        });

        // The element cannot send antiforgery tokens; the marker header, which a cross-site form
        // cannot set without a CORS preflight, guards the writes instead.
        // Uploads count against the user's request budget like /chatkit (bytes are the costly
        // part); reading content does not, so a thread full of images always shows.
        group.MapPost("", UploadDirectAsync).DisableAntiforgery().RequireRateLimiting(RateLimitExtensions.PolicyName);
        group.MapMethods("{id}/upload", ["POST", "PUT"], UploadAsync).DisableAntiforgery().RequireRateLimiting(RateLimitExtensions.PolicyName);
        group.MapGet("{id}/content", ContentAsync);
        return group;
    }

    private static async Task<IResult> UploadDirectAsync(
        HttpContext http,
        [AsParameters] AttachmentServices services,
        CancellationToken cancellationToken)
    {
        var (attachments, blobs, store, contexts) = services;
        RequireMarker(http);
        var file = await FileOfAsync(http, cancellationToken) ?? throw ChatKitRequestException.BadRequest("Send the file as multipart form field 'file'.");
        var context = ContextOf(http, contexts);
        // Created as attachments.create creates one (checked, its age noted), then uploaded at once.
        var created = await attachments.CreateAttachmentAsync(
            new AttachmentCreateParams { Name = file.FileName, Size = file.Length, MimeType = file.ContentType }, context, cancellationToken);
        var attachment = created with { UploadDescriptor = null };
        await store.SaveAttachmentAsync(attachment, context, cancellationToken); // first: the bytes reference it
        await blobs.SaveAsync(context.UserId, attachment.Id, await ReadAllAsync(file, cancellationToken), cancellationToken);
        return Wire(attachment);
    }

    private static async Task<IResult> UploadAsync(
        string id,
        HttpContext http,
        [AsParameters] AttachmentServices services,
        CancellationToken cancellationToken)
    {
        var (attachments, blobs, store, contexts) = services;
        RequireMarker(http);
        var context = ContextOf(http, contexts);
        var attachment = await store.LoadAttachmentAsync(id, context, cancellationToken);
        if (attachment.UploadDescriptor is null)
        {
            // Once uploaded the bytes may already be in a message the model saw: they never change.
            throw ChatKitRequestException.Conflict($"Attachment '{id}' has already been uploaded.");
        }

        byte[] content;
        if (http.Request.HasFormContentType)
        {
            var file = await FileOfAsync(http, cancellationToken) ?? throw ChatKitRequestException.BadRequest("Send the file as multipart form field 'file'.");
            content = await ReadAllAsync(file, cancellationToken); // checked below, as a raw body is
        }
        else
        {
            content = await ReadBodyAsync(http.Request, attachments, attachment, cancellationToken);
        }

        attachments.Check(attachment.Name, content.Length, attachment.MimeType);
        await blobs.SaveAsync(context.UserId, attachment.Id, content, cancellationToken);
        var uploaded = attachment with { UploadDescriptor = null }; // uploaded: the descriptor has served its purpose
        await store.SaveAttachmentAsync(uploaded, context, cancellationToken);
        return Wire(uploaded);
    }

    private static async Task<IResult> ContentAsync(
        string id,
        HttpContext http,
        [AsParameters] AttachmentServices services,
        CancellationToken cancellationToken)
    {
        var (_, blobs, store, contexts) = services;
        var context = ContextOf(http, contexts);
        var attachment = await store.LoadAttachmentAsync(id, context, cancellationToken);
        var content = await blobs.ReadAsync(context.UserId, attachment.Id, cancellationToken)
            ?? throw ChatKitRequestException.NotFound($"Attachment '{id}' has not been uploaded.");

        // Private to the user; never sniffed into something executable; only images shown inline.
        http.Response.Headers.CacheControl = "private, max-age=300";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return attachment is ImageAttachment
            ? TypedResults.File(content, attachment.MimeType)
            : TypedResults.File(content, attachment.MimeType, attachment.Name);
    }

    /// <summary>What every attachment endpoint needs, bound by the minimal API as one parameter.</summary>
    public sealed record AttachmentServices(
        BlobAttachmentStore Attachments,
        IAttachmentBlobStore Blobs,
        IChatKitStore<ChatKitRequestContext> Store,
        IChatKitContextFactory<ChatKitRequestContext> Contexts);

    // The context factory reads only the request's metadata, which these endpoints do not have.
    private static readonly AttachmentsCreateRequest NoChatKitRequest = new() { Params = new AttachmentCreateParams { Name = "", Size = 0, MimeType = "" } };

    private static ChatKitRequestContext ContextOf(HttpContext http, IChatKitContextFactory<ChatKitRequestContext> contexts) =>
        contexts.Create(http, NoChatKitRequest);

    private static void RequireMarker(HttpContext http)
    {
        if (!http.Request.Headers.ContainsKey(BlobAttachmentStore.RequestMarkerHeader))
        {
            throw new ChatKitRequestException(StatusCodes.Status403Forbidden, "forbidden", $"Uploads must carry the {BlobAttachmentStore.RequestMarkerHeader} header.");
        }
    }

    private static async Task<IFormFile?> FileOfAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (!http.Request.HasFormContentType)
        {
            return null;
        }

        var form = await http.Request.ReadFormAsync(cancellationToken);
        return form.Files.GetFile("file");
    }

    private static async Task<byte[]> ReadAllAsync(IFormFile file, CancellationToken cancellationToken)
    {
        var bytes = new byte[file.Length];
        await using var stream = file.OpenReadStream();
        await stream.ReadExactlyAsync(bytes, cancellationToken);
        return bytes;
    }

    /// <summary>A raw PUT body, read only up to one byte past the cap so an oversized upload stops early.</summary>
    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, BlobAttachmentStore attachments, Attachment attachment, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } declared)
        {
            attachments.Check(attachment.Name, declared, attachment.MimeType);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            attachments.Check(attachment.Name, buffer.Length, attachment.MimeType);
        }

        return buffer.ToArray();
    }

    private static Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult Wire(Attachment attachment) =>
        TypedResults.Bytes(JsonSerializer.SerializeToUtf8Bytes(attachment, ChatKitJson.WireType<Attachment>()), "application/json");
}
