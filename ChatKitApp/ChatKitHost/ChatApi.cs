using ChatKitApp.Auth;
using ChatKitApp.Hosting;
using ChatKitApp.Limits;

namespace ChatKitApp.ChatKitHost;

/// <summary>
/// The small JSON API around the chat, under <c>/api/chats</c>: guarded as <c>POST /chatkit</c> is
/// (a cookie user, same-origin unsafe requests, the per-user rate limit), and its shared rules
/// (who is asking, what a thread id looks like, the JSON errors).
/// </summary>
public static class ChatApi
{
    public const string Prefix = "/api/chats";

    /// <summary>Longer than any id this app mints (<c>thr_</c> and 16 hex digits) with room for other id schemes.</summary>
    public const int MaxThreadIdLength = 64;

    /// <summary>A route group under <see cref="Prefix"/> with the guards of <c>/chatkit</c>.</summary>
    public static RouteGroupBuilder MapChatApiGroup(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup(Prefix)
            .RequireAuthorization(ChatKitAuthExtensions.ChatKitUserPolicy)
            .RequireSameOrigin()
            .RequireRateLimiting(RateLimitExtensions.PolicyName)
            .DisableAntiforgery(); // JSON and downloads, guarded by the same-origin check

    /// <summary>The caller as the store knows it; the authorization policy guarantees a user id.</summary>
    public static ChatKitRequestContext UserContext(HttpContext http) => new(ChatKitClaims.UserId(http.User)!);

    /// <summary>
    /// Letters, digits, <c>_</c> and <c>-</c>, at most <see cref="MaxThreadIdLength"/>: anything else
    /// names no thread, and is refused before the store sees it (PostgreSQL refuses a NUL with an error).
    /// </summary>
    public static bool IsThreadId(string? value) =>
        value is { Length: > 0 and <= MaxThreadIdLength } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    /// <summary>400 <c>invalid_request</c>: the path names no thread.</summary>
    public static Task MalformedThreadIdAsync(HttpContext http) =>
        JsonError.WriteAsync(http, StatusCodes.Status400BadRequest, "invalid_request", $"Not a thread id: ids are 1 to {MaxThreadIdLength} letters, digits, '_' or '-'.", http.RequestAborted);

    /// <summary>404 <c>not_found</c>: no thread of the caller's has this id (another user's is not found either).</summary>
    public static Task ThreadNotFoundAsync(HttpContext http, string threadId) =>
        JsonError.WriteAsync(http, StatusCodes.Status404NotFound, "not_found", $"Thread '{threadId}' not found.", http.RequestAborted);
}
