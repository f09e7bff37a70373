using System.Text.Json.Nodes;
using ChatKitApp.ChatKitHost;
using ChatKitApp.Postgres;

namespace ChatKitApp.Sharing;

/// <summary>
/// <c>POST /api/chats/{thread_id}/share</c> answers <c>{"url":"/share/…"}</c>;
/// <c>DELETE /api/chats/{thread_id}/share</c> revokes the link (204). Only the thread's owner may
/// do either; for anyone else the thread is not found (404). The link itself is the page
/// <c>/share/{token}</c> (<c>Components/Pages/SharedChat.razor</c>), open to everyone who has it.
/// </summary>
public static class ShareEndpoints
{
    public static WebApplicationBuilder AddChatSharing(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ShareService>();
        if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("ChatKit")))
        {
            builder.Services.AddSingleton<IShareStore, MemoryShareStore>();
        }
        else
        {
            builder.Services.AddSingleton<IShareStore, PostgresShareStore>();
        }

        return builder;
    }

    public static IEndpointRouteBuilder MapChatSharing(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapChatApiGroup();
        group.MapPost("/{threadId}/share", ShareAsync);
        group.MapDelete("/{threadId}/share", RevokeAsync);
        return endpoints;
    }

    private static async Task ShareAsync(HttpContext http, string threadId, ShareService sharing)
    {
        if (!ChatApi.IsThreadId(threadId))
        {
            await ChatApi.MalformedThreadIdAsync(http);
            return;
        }

        var url = await sharing.ShareAsync(threadId, ChatApi.UserContext(http), http.RequestAborted);
        if (url is null)
        {
            await ChatApi.ThreadNotFoundAsync(http, threadId);
            return;
        }

        http.Response.Headers.CacheControl = "no-store"; // the link is a secret
        await http.Response.WriteAsJsonAsync(new JsonObject { ["url"] = url }, http.RequestAborted);
    }

    private static async Task RevokeAsync(HttpContext http, string threadId, ShareService sharing)
    {
        if (!ChatApi.IsThreadId(threadId))
        {
            await ChatApi.MalformedThreadIdAsync(http);
            return;
        }

        if (!await sharing.RevokeAsync(threadId, ChatApi.UserContext(http), http.RequestAborted))
        {
            await ChatApi.ThreadNotFoundAsync(http, threadId);
            return;
        }

        http.Response.StatusCode = StatusCodes.Status204NoContent;
    }
}
