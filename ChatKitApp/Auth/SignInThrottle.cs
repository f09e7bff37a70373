using System.Threading.RateLimiting;
using ChatKitApp.Limits;
using Microsoft.Extensions.Options;

namespace ChatKitApp.Auth;

/// <summary>
/// Password checks per (client address, e-mail address): <see cref="ChatKitAuthOptions.MaxSignInAttempts"/>
/// per <see cref="ChatKitAuthOptions.SignInAttemptWindow"/>. It replaces locking the account, which
/// let anyone lock its owner out with a few wrong passwords: a guesser is stopped at their own
/// address while the owner, elsewhere, signs in as usual. Keyed by the e-mail address as typed
/// (normalized), whether or not an account has it, so the answers cannot tell the two apart.
/// Kept in memory, per instance, like the ASP.NET Core rate limiter's own partitions.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<(string Address, string Email)> _limiter;

    public SignInThrottle(IOptions<ChatKitAuthOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var limits = options.Value;
        _limiter = PartitionedRateLimiter.Create<(string Address, string Email), (string, string)>(key =>
            RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limits.MaxSignInAttempts,
                Window = limits.SignInAttemptWindow,
                QueueLimit = 0,
            }));
    }

    /// <summary>
    /// Takes one attempt from the budget of <paramref name="address"/> (a
    /// <see cref="ChatKit.Server.ClientAddress"/> key) for <paramref name="normalizedEmail"/>,
    /// before the password is checked (so parallel guesses are each counted); false when the
    /// budget is spent. Clients without an address share one budget per e-mail address: guessing
    /// stays bounded, at the price of the old per-account lock for them alone.
    /// </summary>
    public bool TryAcquire(string? address, string normalizedEmail)
    {
        using var lease = _limiter.AttemptAcquire((address ?? "", normalizedEmail));
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
