using System.Text;
using System.Text.Json;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKitHost;
using ChatKitApp.Hosting;
using Microsoft.Net.Http.Headers;

namespace ChatKitApp.ChatExport;

/// <summary>
/// <c>GET /api/chats/{thread_id}/export?format=md|json</c>: one of the caller's threads as a
/// download, a Markdown transcript (the default) or the thread's ChatKit JSON (see <see cref="ThreadExport"/>).
/// </summary>
public static class ChatExportEndpoints
{
    public const string Markdown = "md";

    public const string Json = "json";

    private const int MaxFileNameTitleLength = 50;

    public static WebApplicationBuilder AddChatExport(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ThreadExport>();
        return builder;
    }

    public static IEndpointRouteBuilder MapChatExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapChatApiGroup().MapGet("/{threadId}/export", ExportAsync);
        return endpoints;
    }

    /// <summary>The address of a thread's export, for the page's menu.</summary>
    public static string Path(string threadId, string format) => $"{ChatApi.Prefix}/{Uri.EscapeDataString(threadId)}/export?format={format}";

    private static async Task ExportAsync(HttpContext http, string threadId, ThreadExport export, TimeProvider time)
    {
        // Read by hand rather than bound: a repeated or odd parameter is a JSON 400 like any other.
        var query = http.Request.Query["format"];
        var format = query.Count == 0 ? Markdown : query.Count == 1 ? query[0] : null;
        if (format is not (Markdown or Json))
        {
            await JsonError.WriteAsync(http, StatusCodes.Status400BadRequest, "invalid_request", $"Unknown export format: use format={Markdown} or format={Json}.", http.RequestAborted);
            return;
        }

        if (!ChatApi.IsThreadId(threadId))
        {
            await ChatApi.MalformedThreadIdAsync(http);
            return;
        }

        ChatThread thread;
        try
        {
            thread = await export.LoadAsync(threadId, ChatApi.UserContext(http), http.RequestAborted);
        }
        catch (NotFoundException)
        {
            await ChatApi.ThreadNotFoundAsync(http, threadId);
            return;
        }

        var (body, contentType) = format == Json
            ? (JsonSerializer.SerializeToUtf8Bytes(thread, ChatKitJson.WireType<ChatThread>()), "application/json; charset=utf-8")
            : (Encoding.UTF8.GetBytes(MarkdownTranscript.Write(thread, time.GetUtcNow())), "text/markdown; charset=utf-8");
        http.Response.ContentType = contentType;
        http.Response.Headers.CacheControl = "private, no-store"; // someone's conversation: no shared cache keeps it
        http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = FileName(thread, format) }.ToString();
        await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }

    /// <summary>
    /// <c>chat-trip-ideas.md</c>: the title in lower-case ASCII letters and digits joined by dashes
    /// (the thread id without a usable title), so the name is safe in every file system and header.
    /// </summary>
    internal static string FileName(ChatThread thread, string format)
    {
        var slug = new StringBuilder();
        foreach (var c in (thread.Title ?? "").ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }

            if (slug.Length >= MaxFileNameTitleLength)
            {
                break;
            }
        }

        var name = slug.ToString().Trim('-');
        return $"chat-{(name.Length > 0 ? name : thread.Id)}.{format}";
    }
}
