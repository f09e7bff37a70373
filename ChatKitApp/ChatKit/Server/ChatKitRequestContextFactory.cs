using System.Security.Claims;
using ChatKitApp.ChatKit.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace ChatKitApp.ChatKit.Server;

/// <summary>
/// Takes the user from the authenticated principal's name identifier, the locale from
/// <c>Accept-Language</c> and the metadata from the body. Nothing in the body chooses the user.
/// </summary>
public sealed class ChatKitRequestContextFactory : IChatKitContextFactory<ChatKitRequestContext>
{
    /// <summary>Until accounts exist, unauthenticated callers share this local user.</summary>
    public const string LocalUserId = "local-user";

    public ChatKitRequestContext Create(HttpContext httpContext, ChatKitRequest request)
    {
        var userId = httpContext.User.Identity?.IsAuthenticated == true
            ? httpContext.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? LocalUserId
            : LocalUserId;

        return new ChatKitRequestContext(userId)
        {
            Locale = PreferredLocale(httpContext.Request),
            Metadata = request.Metadata ?? [],
        };
    }

    private static string? PreferredLocale(HttpRequest request) =>
        StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage, out var languages)
            ? languages.OrderByDescending(l => l.Quality ?? 1).Select(l => l.Value.Value).FirstOrDefault(v => v != "*")
            : null;
}
