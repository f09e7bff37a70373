namespace ChatKitApp.Auth;

/// <summary>Accounts in memory, for runs without a database; lost on restart like the chats.</summary>
public sealed class MemoryUserAccountStore : IUserAccountStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, UserAccount> _byEmail = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _emailByUserId = new(StringComparer.Ordinal); // sign-ins update by user id

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

    public Task<UserAccount?> RecordFailedSignInAsync(string userId, int maxFailedAttempts, DateTimeOffset now, DateTimeOffset lockUntil, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (Find(userId) is not { } account)
            {
                return Task.FromResult<UserAccount?>(null);
            }

            var expired = account.LockedUntil <= now;
            var failures = expired ? 1 : account.FailedAttempts + 1;
            var lockedUntil = account.LockedUntil > now ? account.LockedUntil : failures >= maxFailedAttempts ? lockUntil : null;
            account = account with { FailedAttempts = failures, LockedUntil = lockedUntil };
            _byEmail[account.Email] = account;
            return Task.FromResult<UserAccount?>(account);
        }
    }

    public Task<bool> TryResetFailedSignInsAsync(string userId, string passwordHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (Find(userId) is not { } account || account.LockedUntil > now)
            {
                return Task.FromResult(false);
            }

            _byEmail[account.Email] = account with { FailedAttempts = 0, LockedUntil = null, PasswordHash = passwordHash };
            return Task.FromResult(true);
        }
    }

    private UserAccount? Find(string userId) =>
        _emailByUserId.TryGetValue(userId, out var email) ? _byEmail[email] : null;
}
