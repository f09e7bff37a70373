using ChatKitApp.Auth;
using Dapper;
using Npgsql;

namespace ChatKitApp.Postgres;

/// <summary>Accounts in the <c>accounts</c> table.</summary>
public sealed class PostgresUserAccountStore(NpgsqlDataSource dataSource) : IUserAccountStore
{
    private const string FindSql = """
        SELECT user_id AS UserId, email AS Email, password_hash AS PasswordHash, failed_attempts AS FailedAttempts,
               locked_until AS LockedUntil, created_at AS CreatedAt
        FROM accounts WHERE email = @Email
        """;

    // A taken e-mail address or user id inserts nothing: the caller reports it.
    private const string InsertSql = """
        INSERT INTO accounts (user_id, email, password_hash, failed_attempts, locked_until, created_at)
        VALUES (@UserId, @Email, @PasswordHash, @FailedAttempts, @LockedUntil, @CreatedAt)
        ON CONFLICT DO NOTHING
        """;

    // One statement, so parallel wrong passwords queue on the row lock and each sees the count the
    // previous one wrote. The right-hand sides read the row as it was: the new count is spelled out
    // again in the lock's CASE. An expired lock starts the count again; an active one is kept.
    private const string RecordFailureSql = """
        UPDATE accounts SET
            failed_attempts = CASE WHEN locked_until <= @Now THEN 1 ELSE failed_attempts + 1 END,
            locked_until = CASE
                WHEN locked_until > @Now THEN locked_until
                WHEN (CASE WHEN locked_until <= @Now THEN 1 ELSE failed_attempts + 1 END) >= @MaxFailedAttempts THEN @LockUntil
                ELSE NULL
            END
        WHERE user_id = @UserId
        RETURNING user_id AS UserId, email AS Email, password_hash AS PasswordHash, failed_attempts AS FailedAttempts,
                  locked_until AS LockedUntil, created_at AS CreatedAt
        """;

    // The lock is checked in the same statement that clears it, so a lock set by a parallel wrong
    // password after this sign-in read the account still refuses the right one.
    private const string ResetSql = """
        UPDATE accounts SET failed_attempts = 0, locked_until = NULL, password_hash = @PasswordHash
        WHERE user_id = @UserId AND (locked_until IS NULL OR locked_until <= @Now)
        """;

    public async Task<UserAccount?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<AccountRow>(new CommandDefinition(FindSql, new { Email = normalizedEmail }, cancellationToken: cancellationToken));
        return row?.ToAccount();
    }

    public async Task<bool> TryCreateAsync(UserAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(InsertSql, Parameters(account), cancellationToken: cancellationToken)) == 1;
    }

    public async Task<UserAccount?> RecordFailedSignInAsync(string userId, int maxFailedAttempts, DateTimeOffset now, DateTimeOffset lockUntil, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<AccountRow>(new CommandDefinition(
            RecordFailureSql,
            new { UserId = userId, MaxFailedAttempts = maxFailedAttempts, Now = now.UtcDateTime, LockUntil = lockUntil.UtcDateTime },
            cancellationToken: cancellationToken));
        return row?.ToAccount();
    }

    public async Task<bool> TryResetFailedSignInsAsync(string userId, string passwordHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            ResetSql, new { UserId = userId, PasswordHash = passwordHash, Now = now.UtcDateTime }, cancellationToken: cancellationToken)) == 1;
    }

    private static object Parameters(UserAccount a) => new
    {
        a.UserId,
        a.Email,
        a.PasswordHash,
        a.FailedAttempts,
        LockedUntil = a.LockedUntil?.UtcDateTime,
        CreatedAt = a.CreatedAt.UtcDateTime,
    };

    private sealed record AccountRow(string UserId, string Email, string PasswordHash, int FailedAttempts, DateTime? LockedUntil, DateTime CreatedAt)
    {
        public UserAccount ToAccount() => new(UserId, Email, PasswordHash)
        {
            FailedAttempts = FailedAttempts,
            LockedUntil = LockedUntil is { } locked ? new DateTimeOffset(locked, TimeSpan.Zero) : null,
            CreatedAt = new DateTimeOffset(CreatedAt, TimeSpan.Zero),
        };
    }
}
