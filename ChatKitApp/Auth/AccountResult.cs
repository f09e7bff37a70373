using System.Security.Claims;

namespace ChatKitApp.Auth;

/// <summary>The outcome of a registration or sign-in: the principal to sign in, or a message for the form.</summary>
public sealed record AccountResult(ClaimsPrincipal? Principal, string? Error)
{
    public static AccountResult Succeeded(ClaimsPrincipal principal) => new(principal, null);

    public static AccountResult Failed(string error) => new(null, error);
}
