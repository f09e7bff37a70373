namespace ChatKitApp.Auth;

/// <summary>Where accounts live: PostgreSQL when configured, else memory.</summary>
public interface IUserAccountStore
{
    /// <summary>The account with this (normalized) e-mail address, or null.</summary>
    Task<UserAccount?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken);

    /// <summary>Adds the account; false when its e-mail address or user id is taken already.</summary>
    Task<bool> TryCreateAsync(UserAccount account, CancellationToken cancellationToken);

    /// <summary>Replaces the password hash (a right password whose hash format has aged); nothing when there is no such account.</summary>
    Task UpdatePasswordHashAsync(string userId, string passwordHash, CancellationToken cancellationToken);
}
