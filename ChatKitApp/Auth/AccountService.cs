using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ChatKitApp.Auth;

/// <summary>Registration and password sign-in, with lockout after repeated failures.</summary>
public sealed partial class AccountService(
    IUserAccountStore store,
    IPasswordHasher<UserAccount> hasher,
    TimeProvider time,
    IOptions<ChatKitAuthOptions> options,
    ILogger<AccountService> logger)
{
    public const int MinPasswordLength = 8;

    /// <summary>
    /// Creates an account. A guest who registers keeps their user id, so their threads become the
    /// account's; anyone else gets a new id.
    /// </summary>
    public async Task<AccountResult> RegisterAsync(string email, string password, ClaimsPrincipal current, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal))
        {
            return AccountResult.Failed("Enter an e-mail address.");
        }

        if (password is null || password.Length < MinPasswordLength)
        {
            return AccountResult.Failed($"Use a password of at least {MinPasswordLength} characters.");
        }

        var guestId = current.HasClaim(ChatKitClaims.Guest, "true") ? ChatKitClaims.UserId(current) : null;
        var userId = guestId ?? "user_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var account = new UserAccount(userId, UserAccount.NormalizeEmail(email), "") { CreatedAt = time.GetUtcNow() };
        account = account with { PasswordHash = hasher.HashPassword(account, password) };
        if (!await store.TryCreateAsync(account, cancellationToken))
        {
            return AccountResult.Failed("An account with this e-mail address exists already; sign in instead.");
        }

        LogRegistered(logger, guestId is not null);
        return AccountResult.Succeeded(Principal(account));
    }

    /// <summary>Checks the password; locks the account for a while after too many failures.</summary>
    public async Task<AccountResult> SignInAsync(string email, string password, CancellationToken cancellationToken)
    {
        var account = string.IsNullOrWhiteSpace(email) ? null : await store.FindByEmailAsync(UserAccount.NormalizeEmail(email), cancellationToken);
        const string invalid = "The e-mail address or password is wrong.";
        if (account is null)
        {
            return AccountResult.Failed(invalid); // the same answer as a wrong password: no account probing
        }

        const string locked = "Too many failed attempts: this account is locked for a while.";
        var now = time.GetUtcNow();
        if (account.LockedUntil > now)
        {
            return AccountResult.Failed(locked);
        }

        var verdict = hasher.VerifyHashedPassword(account, account.PasswordHash, password ?? "");
        if (verdict == PasswordVerificationResult.Failed)
        {
            // The store counts and locks in one step: parallel guesses must not all read the same count.
            var limits = options.Value;
            var saved = await store.RecordFailedSignInAsync(account.UserId, limits.MaxFailedSignIns, now, now + limits.LockoutDuration, cancellationToken);
            if (saved?.LockedUntil > now)
            {
                if (saved.FailedAttempts == limits.MaxFailedSignIns)
                {
                    LogLockedOut(logger);
                }

                return AccountResult.Failed(locked);
            }

            return AccountResult.Failed(invalid);
        }

        // Checked again as the count is cleared: parallel guesses may have locked the account
        // since it was read above, and then the right password is refused too.
        var hash = verdict == PasswordVerificationResult.SuccessRehashNeeded ? hasher.HashPassword(account, password!) : account.PasswordHash;
        if (!await store.TryResetFailedSignInsAsync(account.UserId, hash, now, cancellationToken))
        {
            return AccountResult.Failed(locked);
        }

        return AccountResult.Succeeded(Principal(account));
    }

    private static ClaimsPrincipal Principal(UserAccount account) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, account.UserId), new Claim(ClaimTypes.Name, account.Email.ToLowerInvariant())],
            CookieAuthenticationDefaults.AuthenticationScheme));

    [LoggerMessage(Level = LogLevel.Information, Message = "An account was registered (from a guest: {FromGuest}).")]
    private static partial void LogRegistered(ILogger logger, bool fromGuest);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An account was locked after repeated failed sign-ins.")]
    private static partial void LogLockedOut(ILogger logger);
}
