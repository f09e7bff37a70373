namespace ChatKitApp.Auth;

/// <summary>A registered user. <see cref="UserId"/> is the id chat data is keyed by.</summary>
public sealed record UserAccount(string UserId, string Email, string PasswordHash)
{
    /// <summary>Wrong passwords since the last successful sign-in.</summary>
    public int FailedAttempts { get; init; }

    /// <summary>Sign-in is refused until then, even with the right password.</summary>
    public DateTimeOffset? LockedUntil { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The form in which e-mail addresses are stored and compared.</summary>
    public static string NormalizeEmail(string email) => email.Trim().ToUpperInvariant();
}
