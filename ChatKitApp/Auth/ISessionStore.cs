namespace ChatKitApp.Auth;

/// <summary>
/// Server-side record of who is signed in, so a cookie can be revoked before it expires. Account
/// sessions (password and OpenID Connect sign-ins) are live rows: a cookie whose session is gone is
/// refused. Guests cost no row: a guest cookie is live unless its user id has been retired (the
/// guest registered, signed in to an account or signed out).
/// </summary>
public interface ISessionStore
{
    /// <summary>Records a new session; drops the user's sessions that have expired by <paramref name="now"/>.</summary>
    Task CreateAsync(UserSession session, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>True while session <paramref name="sessionId"/> of user <paramref name="userId"/> exists and has not expired at <paramref name="now"/>.</summary>
    Task<bool> IsLiveAsync(string sessionId, string userId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Moves the session's expiry (the cookie was renewed); nothing when it is gone.</summary>
    Task ExtendAsync(string sessionId, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>Ends the session (sign-out); nothing when it is gone.</summary>
    Task DeleteAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>
    /// Ends every cookie of guest <paramref name="userId"/>. Retirements older than
    /// <paramref name="forgetBefore"/> are dropped: every cookie they refused has expired by then.
    /// </summary>
    Task RetireGuestAsync(string userId, DateTimeOffset now, DateTimeOffset forgetBefore, CancellationToken cancellationToken);

    /// <summary>True when guest <paramref name="userId"/> has been retired.</summary>
    Task<bool> IsGuestRetiredAsync(string userId, CancellationToken cancellationToken);
}
