namespace ChatKitApp.Auth;

/// <summary>How users sign in (<c>ChatKit:Auth</c>).</summary>
public sealed class ChatKitAuthOptions
{
    public const string SectionName = "ChatKit:Auth";

    /// <summary>
    /// A first visit to any page signs the browser in as a new random guest user, so the app works
    /// at once and every browser is its own user. Off: only signed-in accounts may chat.
    /// </summary>
    public bool Guest { get; set; } = true;

    /// <summary>The authentication cookie's name.</summary>
    public string CookieName { get; set; } = ".ChatKitApp.Auth";

    /// <summary>
    /// How long the cookie stays valid without a request; each request past the half-way mark
    /// renews it (sliding expiry).
    /// </summary>
    public TimeSpan CookieLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Wrong passwords in a row after which an account is locked.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long a locked account refuses sign-in.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);
}
