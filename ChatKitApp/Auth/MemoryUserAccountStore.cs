namespace ChatKitApp.Auth;

/// <summary>Accounts in memory, for runs without a database; lost on restart like the chats.</summary>
public sealed class MemoryUserAccountStore : IUserAccountStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, UserAccount> _byEmail = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _emailByUserId = new(StringComparer.Ordinal); // rehashes update by user id

    public Task<UserAccount?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_byEmail.GetValueOrDefault(normalizedEmail));
        }
    }

    public Task<bool> TryCreateAsync(UserAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        lock (_gate)
        {
            if (_byEmail.ContainsKey(account.Email) || _emailByUserId.ContainsKey(account.UserId))
            {
                return Task.FromResult(false);
            }

            _byEmail[account.Email] = account;
            _emailByUserId[account.UserId] = account.Email;
            return Task.FromResult(true);
        }
    }

    public Task UpdatePasswordHashAsync(string userId, string passwordHash, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_emailByUserId.TryGetValue(userId, out var email))
            {
                _byEmail[email] = _byEmail[email] with { PasswordHash = passwordHash };
            }
        }

        return Task.CompletedTask;
    }
}
