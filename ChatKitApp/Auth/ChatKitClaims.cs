using System.Security.Claims;
using System.Security.Cryptography;

namespace ChatKitApp.Auth;

/// <summary>The claims the app issues and reads; the user id is the only one chat data is keyed by.</summary>
public static class ChatKitClaims
{
    /// <summary>Marks a principal as a guest (no account yet).</summary>
    public const string Guest = "chatkit:guest";

    public const string GuestPrefix = "guest_";

    /// <summary>A new guest principal with a random, unguessable user id.</summary>
    public static ClaimsPrincipal NewGuest(string authenticationType)
    {
        // 128 random bits: ids must not be guessable, since they are the key to the user's data.
        var id = GuestPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        return new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, "Guest"), new Claim(Guest, "true")],
            authenticationType));
    }

    /// <summary>The user id of an authenticated principal, or null.</summary>
    public static string? UserId(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } id ? id : null;
}
