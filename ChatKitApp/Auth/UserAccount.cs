namespace ChatKitApp.Auth;

/// <summary>A registered user. <see cref="UserId"/> is the id chat data is keyed by.</summary>
public sealed record UserAccount(string UserId, string Email, string PasswordHash)
{
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The form in which e-mail addresses are stored and compared.</summary>
    public static string NormalizeEmail(string email) => email.Trim().ToUpperInvariant();
}
