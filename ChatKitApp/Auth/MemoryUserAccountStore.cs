namespace ChatKitApp.Auth;

/// <summary>Accounts in memory, for runs without a database; lost on restart like the chats.</summary>
public sealed class MemoryUserAccountStore : IUserAccountStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, UserAccount> _byEmail = new(StringComparer.Ordinal);

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
            if (_byEmail.ContainsKey(account.Email) || _byEmail.Values.Any(a => a.UserId == account.UserId))
            {
                return Task.FromResult(false);
            }

            _byEmail[account.Email] = account;
            return Task.FromResult(true);
        }
    }

    public Task UpdateAsync(UserAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        lock (_gate)
        {
            _byEmail[account.Email] = account;
        }

        return Task.CompletedTask;
    }
}
