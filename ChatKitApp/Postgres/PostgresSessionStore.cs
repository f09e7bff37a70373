using ChatKitApp.Auth;
using Dapper;
using Npgsql;

namespace ChatKitApp.Postgres;

/// <summary>Sessions in the <c>sessions</c> and <c>retired_guests</c> tables (migration 0006).</summary>
public sealed class PostgresSessionStore(NpgsqlDataSource dataSource) : ISessionStore
{
    // The user's expired sessions go with the insert: cookies lost without a sign-out leave rows
    // behind, and a user's next sign-in is a cheap moment to sweep theirs (by the user_id index).
    private const string CreateSql = """
        DELETE FROM sessions WHERE user_id = @UserId AND expires_at <= @Now;
        INSERT INTO sessions (session_id, user_id, created_at, expires_at) VALUES (@SessionId, @UserId, @CreatedAt, @ExpiresAt);
        """;

    private const string IsLiveSql = "SELECT EXISTS (SELECT 1 FROM sessions WHERE session_id = @SessionId AND user_id = @UserId AND expires_at > @Now)";

    private const string ExtendSql = "UPDATE sessions SET expires_at = @ExpiresAt WHERE session_id = @SessionId";

    private const string DeleteSql = "DELETE FROM sessions WHERE session_id = @SessionId";

    private const string RetireSql = """
        DELETE FROM retired_guests WHERE retired_at < @ForgetBefore;
        INSERT INTO retired_guests (user_id, retired_at) VALUES (@UserId, @Now)
        ON CONFLICT (user_id) DO UPDATE SET retired_at = EXCLUDED.retired_at;
        """;

    private const string IsRetiredSql = "SELECT EXISTS (SELECT 1 FROM retired_guests WHERE user_id = @UserId)";

    public async Task CreateAsync(UserSession session, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        await ExecuteAsync(
            CreateSql,
            new { session.SessionId, session.UserId, CreatedAt = session.CreatedAt.UtcDateTime, ExpiresAt = session.ExpiresAt.UtcDateTime, Now = now.UtcDateTime },
            cancellationToken);
    }

    public async Task<bool> IsLiveAsync(string sessionId, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            IsLiveSql, new { SessionId = sessionId, UserId = userId, Now = now.UtcDateTime }, cancellationToken: cancellationToken));
    }

    public Task ExtendAsync(string sessionId, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        ExecuteAsync(ExtendSql, new { SessionId = sessionId, ExpiresAt = expiresAt.UtcDateTime }, cancellationToken);

    public Task DeleteAsync(string sessionId, CancellationToken cancellationToken) =>
        ExecuteAsync(DeleteSql, new { SessionId = sessionId }, cancellationToken);

    public Task RetireGuestAsync(string userId, DateTimeOffset now, DateTimeOffset forgetBefore, CancellationToken cancellationToken) =>
        ExecuteAsync(RetireSql, new { UserId = userId, Now = now.UtcDateTime, ForgetBefore = forgetBefore.UtcDateTime }, cancellationToken);

    public async Task<bool> IsGuestRetiredAsync(string userId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(IsRetiredSql, new { UserId = userId }, cancellationToken: cancellationToken));
    }

    private async Task ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }
}
