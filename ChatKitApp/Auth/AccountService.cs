using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace ChatKitApp.Auth;

/// <summary>
/// Registration and password sign-in. The answers never tell whether an address has an account:
/// an unknown address is checked against a stand-in hash (so it takes as long as a known one) and
/// counts against the same per-address throttle (<see cref="SignInThrottle"/>).
/// </summary>
public sealed partial class AccountService(
    IUserAccountStore store,
    IPasswordHasher<UserAccount> hasher,
    SignInThrottle throttle,
    TimeProvider time,
    ILogger<AccountService> logger)
{
    public const int MinPasswordLength = 8;

    /// <summary>The answer to a wrong password and to an address without an account alike.</summary>
    public const string WrongCredentials = "The e-mail address or password is wrong.";

    /// <summary>The answer once a client address has used its attempts for an e-mail address (with or without an account).</summary>
    public const string TooManyAttempts = "Too many sign-in attempts for this e-mail address from your network: try again in a few minutes.";

    private static readonly UserAccount NoAccount = new("user_none", "", "");

    // A hash of a random password, made once with the real hasher (so with its current cost):
    // addresses without an account are checked against it, and take as long as those with one.
    private readonly Lazy<string> _noAccountHash = new(() => hasher.HashPassword(NoAccount, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))));

    /// <summary>
    /// Creates an account. A guest who registers keeps their user id, so their threads become the
    /// account's; anyone else gets a new id. An address that has an account already is a sign-in
    /// attempt instead (its right password signs in, a wrong one gets the sign-in answer and
    /// counts against the throttle), so the form never says "taken".
    /// </summary>
    public async Task<AccountResult> RegisterAsync(string email, string password, ClaimsPrincipal current, string? clientAddress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal))
        {
            return AccountResult.Failed("Enter an e-mail address.");
        }

        if (password is null || password.Length < MinPasswordLength)
        {
            return AccountResult.Failed($"Use a password of at least {MinPasswordLength} characters.");
        }

        var normalized = UserAccount.NormalizeEmail(email);
        if (await store.FindByEmailAsync(normalized, cancellationToken) is not null)
        {
            return await CheckPasswordAsync(normalized, password, clientAddress, cancellationToken);
        }

        var guestId = current.HasClaim(ChatKitClaims.Guest, "true") ? ChatKitClaims.UserId(current) : null;
        var userId = guestId ?? "user_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var account = new UserAccount(userId, normalized, "") { CreatedAt = time.GetUtcNow() };
        account = account with { PasswordHash = hasher.HashPassword(account, password) };
        if (!await store.TryCreateAsync(account, cancellationToken))
        {
            // Registered in parallel since the look-up above: the same as if it had been there.
            return await CheckPasswordAsync(normalized, password, clientAddress, cancellationToken);
        }

        LogRegistered(logger, guestId is not null);
        return AccountResult.Succeeded(Principal(account));
    }

    /// <summary>Checks the password, unless <paramref name="clientAddress"/> has used its attempts for this address.</summary>
    public Task<AccountResult> SignInAsync(string email, string password, string? clientAddress, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(email)
            ? Task.FromResult(AccountResult.Failed(WrongCredentials))
            : CheckPasswordAsync(UserAccount.NormalizeEmail(email), password, clientAddress, cancellationToken);

    private async Task<AccountResult> CheckPasswordAsync(string normalizedEmail, string? password, string? clientAddress, CancellationToken cancellationToken)
    {
        // Counted before the check, so a burst of parallel guesses cannot all get through.
        if (!throttle.TryAcquire(clientAddress, normalizedEmail))
        {
            LogThrottled(logger);
            return AccountResult.Failed(TooManyAttempts);
        }

        var account = await store.FindByEmailAsync(normalizedEmail, cancellationToken);
        var verdict = hasher.VerifyHashedPassword(account ?? NoAccount, account?.PasswordHash ?? _noAccountHash.Value, password ?? "");
        if (account is null || verdict == PasswordVerificationResult.Failed)
        {
            return AccountResult.Failed(WrongCredentials);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await store.UpdatePasswordHashAsync(account.UserId, hasher.HashPassword(account, password!), cancellationToken);
        }

        return AccountResult.Succeeded(Principal(account));
    }

    private static ClaimsPrincipal Principal(UserAccount account) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, account.UserId), new Claim(ClaimTypes.Name, account.Email.ToLowerInvariant())],
            CookieAuthenticationDefaults.AuthenticationScheme));

    [LoggerMessage(Level = LogLevel.Information, Message = "An account was registered (from a guest: {FromGuest}).")]
    private static partial void LogRegistered(ILogger logger, bool fromGuest);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A sign-in was refused unchecked: the client address has used its attempts for this e-mail address.")]
    private static partial void LogThrottled(ILogger logger);
}
