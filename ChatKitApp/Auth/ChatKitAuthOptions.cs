using System.ComponentModel.DataAnnotations;

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
    [Required]
    [RegularExpression("^[A-Za-z0-9._-]+$", ErrorMessage = "ChatKit:Auth:CookieName may hold only letters, digits, '.', '_' and '-'.")]
    public string CookieName { get; set; } = ".ChatKitApp.Auth";

    /// <summary>
    /// How long the cookie stays valid without a request; each request past the half-way mark
    /// renews it (sliding expiry).
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan CookieLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// How long an instance trusts its last look at a session (live or ended) before asking the
    /// store again. A sign-out ends the session on its own instance at once and on the others
    /// within this time. Zero asks the store on every request.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan SessionCacheDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How many cookies an instance remembers having read (<see cref="CachedTicketDataFormat"/>),
    /// so a returning cookie is not decrypted again on every request. 0 reads every cookie anew.
    /// </summary>
    [Range(0, 1_000_000)]
    public int CookieCacheEntries { get; set; } = 10_000;

    /// <summary>
    /// Sign-in attempts (right or wrong) one client address may make for one e-mail address
    /// within <see cref="SignInAttemptWindow"/>; further attempts from that address are refused
    /// unchecked until the window ends. Other addresses are not affected, so nobody can lock the
    /// owner out.
    /// </summary>
    [Range(1, 1000)]
    public int MaxSignInAttempts { get; set; } = 5;

    /// <summary>The window of <see cref="MaxSignInAttempts"/> (per client address and e-mail address).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SignInAttemptWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Sign-in form posts one client address may make per <see cref="SignInWindow"/>, whatever the account; more get 429. 0 = no limit.</summary>
    [Range(0, 100_000)]
    public int SignInsPerAddress { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Registration form posts one client address may make per <see cref="RegistrationWindow"/>; more get 429. 0 = no limit.</summary>
    [Range(0, 100_000)]
    public int RegistrationsPerAddress { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RegistrationWindow { get; set; } = TimeSpan.FromMinutes(10);
}
