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

    private const string UpdateSql = """
        UPDATE accounts SET password_hash = @PasswordHash, failed_attempts = @FailedAttempts, locked_until = @LockedUntil
        WHERE user_id = @UserId
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

    public async Task UpdateAsync(UserAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(UpdateSql, Parameters(account), cancellationToken: cancellationToken));
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
