using System.Security.Claims;
using ChatKitApp.Auth;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace ChatKitApp.ChatKitHost;

/// <summary>
/// Takes the user from the authenticated principal's name identifier, the locale from
/// <c>Accept-Language</c> and the metadata from the body. Nothing else (no header, no body field)
/// chooses the user, and without an authenticated user there is no context at all.
/// </summary>
public sealed class ChatKitRequestContextFactory : IChatKitContextFactory<ChatKitRequestContext>
{
    public ChatKitRequestContext Create(HttpContext httpContext, ChatKitRequest request)
    {
        // The endpoint's authorization policy already refused anonymous callers; this is the
        // second lock, so a mapping without the policy cannot fall back to a shared user.
        var userId = httpContext.User.Identity?.IsAuthenticated == true
            ? httpContext.User.FindFirstValue(ClaimTypes.NameIdentifier)
            : null;
        if (string.IsNullOrEmpty(userId))
        {
            throw new ChatKitRequestException(StatusCodes.Status401Unauthorized, "unauthorized", "Sign in first: this request has no authenticated user.");
        }

        return new ChatKitRequestContext(userId)
        {
            Locale = PreferredLocale(httpContext.Request),
            // Guests have a placeholder name ("Guest"), which says nothing about the person.
            UserName = httpContext.User.HasClaim(ChatKitClaims.Guest, "true") ? null : httpContext.User.Identity?.Name,
            Metadata = request.Metadata ?? [],
        };
    }

    private static string? PreferredLocale(HttpRequest request) =>
        StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage, out var languages)
            ? languages.OrderByDescending(l => l.Quality ?? 1).Select(l => l.Value.Value).FirstOrDefault(v => v != "*")
            : null;
}
