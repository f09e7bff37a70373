namespace ChatKitApp.Auth;

/// <summary>
/// A signed-in account's session: the cookie carries <see cref="SessionId"/>, and the cookie is
/// accepted only while this record exists and has not expired.
/// </summary>
public sealed record UserSession(string SessionId, string UserId, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);
