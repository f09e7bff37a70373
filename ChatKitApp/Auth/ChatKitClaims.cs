using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

namespace ChatKitApp.Auth;

/// <summary>The claims the app issues and reads; the user id is the only one chat data is keyed by.</summary>
public static class ChatKitClaims
{
    /// <summary>Marks a principal as a guest (no account yet).</summary>
    public const string Guest = "chatkit:guest";

    /// <summary>
    /// The session an account's cookie belongs to (<see cref="ISessionStore"/>); the cookie is
    /// refused once the session has ended. Guest cookies carry none: a guest is retired by user id.
    /// </summary>
    public const string SessionId = "chatkit:sid";

    public const string GuestPrefix = "guest_";

    /// <summary>The prefix of users who signed in through the OpenID Connect provider.</summary>
    public const string OidcPrefix = "oidc_";

    /// <summary>A new guest principal with a random, unguessable user id.</summary>
    public static ClaimsPrincipal NewGuest(string authenticationType)
    {
        // 128 random bits: ids must not be guessable, since they are the key to the user's data.
        var id = GuestPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        return new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, "Guest"), new Claim(Guest, "true")],
            authenticationType));
    }

    /// <summary>
    /// The principal of someone the OpenID Connect provider vouched for. Its user id is derived
    /// from the issuer and subject alone, so the same person gets the same id (and threads) at
    /// every sign-in, and never the id of a guest, an account or another provider's user.
    /// </summary>
    public static ClaimsPrincipal FromOidc(string issuer, string subject, string? name, string authenticationType)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, OidcUserId(issuer, subject)) };
        if (name is { Length: > 0 })
        {
            claims.Add(new Claim(ClaimTypes.Name, name)); // none rather than a made-up one: the model prompt names the user
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType));
    }

    /// <summary>The user id of subject <paramref name="subject"/> at issuer <paramref name="issuer"/>.</summary>
    public static string OidcUserId(string issuer, string subject) =>
        // A subject is unique only within its issuer, hence both. Hashed so ids keep one shape and
        // carry no personal data (some providers use e-mail addresses as subjects); the newline
        // cannot occur in an issuer URL, so no two pairs hash the same input.
        OidcPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(issuer + "\n" + subject)));

    /// <summary>True for a guest's principal.</summary>
    public static bool IsGuest(ClaimsPrincipal user) => user.HasClaim(Guest, "true");

    /// <summary>The user id of an authenticated principal, or null.</summary>
    public static string? UserId(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } id ? id : null;
}
