using System.Security.Claims;
using ChatKitApp.Auth;
using Microsoft.Extensions.Options;

namespace ChatKitApp.Admin;

/// <summary>Whether a signed-in user is one of the operators listed in <see cref="AdminOptions.Emails"/>.</summary>
public sealed class AdminAccess(IOptions<AdminOptions> options)
{
    /// <summary>
    /// Only password accounts count: their name claim is the e-mail address they registered and
    /// proved with the password. A guest is never an operator, and an OpenID Connect user's name
    /// is whatever the provider says, which its user may choose, so it must not open the view.
    /// </summary>
    public bool IsAdmin(ClaimsPrincipal user) =>
        ChatKitClaims.UserId(user) is { } userId
        && !ChatKitClaims.IsGuest(user)
        && !userId.StartsWith(ChatKitClaims.OidcPrefix, StringComparison.Ordinal)
        && user.FindFirstValue(ClaimTypes.Name) is { Length: > 0 } email
        && options.Value.Emails.Contains(email, StringComparer.OrdinalIgnoreCase);
}
