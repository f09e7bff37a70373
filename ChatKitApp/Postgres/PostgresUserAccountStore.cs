using ChatKitApp.Auth;
using Dapper;
using Npgsql;

namespace ChatKitApp.Postgres;

/// <summary>Accounts in the <c>accounts</c> table.</summary>
public sealed class PostgresUserAccountStore(NpgsqlDataSource dataSource) : IUserAccountStore
{
    private const string FindSql = """
        SELECT user_id AS UserId, email AS Email, password_hash AS PasswordHash, created_at AS CreatedAt
        FROM accounts WHERE email = @Email
        """;

    // A taken e-mail address or user id inserts nothing: the caller reports it.
    private const string InsertSql = """
        INSERT INTO accounts (user_id, email, password_hash, created_at)
        VALUES (@UserId, @Email, @PasswordHash, @CreatedAt)
        ON CONFLICT DO NOTHING
        """;

    private const string UpdateHashSql = "UPDATE accounts SET password_hash = @PasswordHash WHERE user_id = @UserId";

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
        return await connection.ExecuteAsync(new CommandDefinition(
            InsertSql,
            new { account.UserId, account.Email, account.PasswordHash, CreatedAt = account.CreatedAt.UtcDateTime },
            cancellationToken: cancellationToken)) == 1;
    }

    public async Task UpdatePasswordHashAsync(string userId, string passwordHash, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(UpdateHashSql, new { UserId = userId, PasswordHash = passwordHash }, cancellationToken: cancellationToken));
    }

    private sealed record AccountRow(string UserId, string Email, string PasswordHash, DateTime CreatedAt)
    {
        public UserAccount ToAccount() => new(UserId, Email, PasswordHash) { CreatedAt = new DateTimeOffset(CreatedAt, TimeSpan.Zero) };
    }
}
