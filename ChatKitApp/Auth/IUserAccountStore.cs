namespace ChatKitApp.Auth;

/// <summary>Where accounts live: PostgreSQL when configured, else memory.</summary>
public interface IUserAccountStore
{
    /// <summary>The account with this (normalized) e-mail address, or null.</summary>
    Task<UserAccount?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken);

    /// <summary>Adds the account; false when its e-mail address or user id is taken already.</summary>
    Task<bool> TryCreateAsync(UserAccount account, CancellationToken cancellationToken);

    /// <summary>
    /// Counts one more wrong password, as one atomic step (parallel attempts must not read the
    /// same count), and locks the account until <paramref name="lockUntil"/> when the count
    /// reaches <paramref name="maxFailedAttempts"/>. An active lock is kept as it is; one that has
    /// expired by <paramref name="now"/> starts the count again. Returns the account as saved, or
    /// null when there is no account with this user id.
    /// </summary>
    Task<UserAccount?> RecordFailedSignInAsync(string userId, int maxFailedAttempts, DateTimeOffset now, DateTimeOffset lockUntil, CancellationToken cancellationToken);

    /// <summary>
    /// After a right password: clears the failure count and lockout and saves the (possibly
    /// rehashed) password hash, as one atomic step, unless the account is locked at
    /// <paramref name="now"/>; then nothing changes and the answer is false.
    /// </summary>
    Task<bool> TryResetFailedSignInsAsync(string userId, string passwordHash, DateTimeOffset now, CancellationToken cancellationToken);
}
