using System.Text.Json.Nodes;
using ChatKitApp.Auth;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.Hosting;
using ChatKitApp.Limits;
using Microsoft.Extensions.Options;

namespace ChatKitApp.HostedMode;

/// <summary>
/// Hosted mode: <c>POST /api/chatkit/session</c> and <c>POST /api/chatkit/refresh</c> answer
/// <c>{client_secret, expires_after}</c> for the signed-in user, for the element's
/// <c>getClientSecret</c>. OpenAI's API has no refresh call, so a refresh is a new session for the
/// same user. Guarded like <c>/chatkit</c>: a user, same origin, the per-user rate limit.
/// </summary>
public static class HostedSessionEndpoints
{
    public static WebApplicationBuilder AddHostedSessions(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<HostedSessionOptions>(HostedSessionOptions.SectionName);
        builder.Services.AddHttpClient<ChatKitSessionClient>((sp, http) =>
            http.Timeout = TimeSpan.FromSeconds(Math.Max(1, sp.GetRequiredService<IOptions<HostedSessionOptions>>().Value.TimeoutSeconds)));
        return builder;
    }

    /// <summary>Where the page asks for a new session (and, when it expires, for another).</summary>
    public const string SessionPath = "/api/chatkit/session";

    public const string RefreshPath = "/api/chatkit/refresh";

    public static IEndpointRouteBuilder MapHostedSessions(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("")
            .RequireAuthorization(ChatKitAuthExtensions.ChatKitUserPolicy)
            .RequireSameOrigin()
            .RequireRateLimiting(RateLimitExtensions.PolicyName)
            .DisableAntiforgery(); // JSON, guarded by the same-origin check
        group.MapPost(SessionPath, CreateAsync);
        group.MapPost(RefreshPath, CreateAsync);
        return endpoints;
    }

    private static async Task CreateAsync(HttpContext http, ChatKitSessionClient sessions)
    {
        // The policy guarantees a user id; the session is created for that user only.
        var result = await sessions.CreateAsync(ChatKitClaims.UserId(http.User)!, http.RequestAborted);
        if (result.ClientSecret is null)
        {
            await JsonError.WriteAsync(http, result.Status, result.Code!, result.Message!, http.RequestAborted);
            return;
        }

        http.Response.Headers.CacheControl = "no-store"; // a secret: no cache may keep it
        await http.Response.WriteAsJsonAsync(new JsonObject { ["client_secret"] = result.ClientSecret, ["expires_after"] = result.ExpiresAfter }, http.RequestAborted);
    }
}
