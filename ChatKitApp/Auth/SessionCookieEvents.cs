using System.Security.Claims;
using System.Security.Cryptography;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ChatKitApp.Auth;

/// <summary>
/// Ties the authentication cookie to a server-side session (<see cref="ISessionStore"/>), so it can
/// end before it expires. Every sign-in (password, registration, OpenID Connect) gives an account
/// cookie a new session and ends the browser's previous one (the guest who registers or signs in
/// is retired, so their old cookie no longer opens the same user's threads); a sign-out ends it;
/// every request checks it, through a short per-instance cache
/// (<see cref="ChatKitAuthOptions.SessionCacheDuration"/>) that sign-in and sign-out update on
/// this instance. A refused cookie is removed: API calls get 401, a page makes the browser a new guest.
/// </summary>
internal sealed partial class SessionCookieEvents(
    ISessionStore sessions,
    IMemoryCache cache,
    TimeProvider time,
    IOptions<ChatKitAuthOptions> options,
    ILogger<SessionCookieEvents> logger) : CookieAuthenticationEvents
{
    public override async Task SigningIn(CookieSigningInContext context)
    {
        var aborted = context.HttpContext.RequestAborted;
        await EndAsync(context.HttpContext.User, aborted);
        if (context.Principal is not { } principal || ChatKitClaims.IsGuest(principal) || ChatKitClaims.UserId(principal) is not { } userId)
        {
            return; // guests cost no row (see ISessionStore)
        }

        var sessionId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        principal.Identities.First().AddClaim(new Claim(ChatKitClaims.SessionId, sessionId));
        var now = time.GetUtcNow();
        await sessions.CreateAsync(new UserSession(sessionId, userId, now, context.Properties.ExpiresUtc ?? now + context.Options.ExpireTimeSpan), now, aborted);
    }

    public override Task SigningOut(CookieSigningOutContext context) =>
        EndAsync(context.HttpContext.User, context.HttpContext.RequestAborted);

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        if (principal is not null && await IsLiveAsync(principal, context.HttpContext.RequestAborted))
        {
            return;
        }

        context.RejectPrincipal();
        // Also drops the cookie (and any renewal of it the handler has planned for this response).
        await context.HttpContext.SignOutAsync(context.Scheme.Name);
        LogRefused(logger);
    }

    public override async Task CheckSlidingExpiration(CookieSlidingExpirationContext context)
    {
        // The cookie is being renewed: its session lives as long as the new cookie.
        if (context.ShouldRenew && !ChatKitClaims.IsGuest(context.Principal!) && context.Principal!.FindFirstValue(ChatKitClaims.SessionId) is { Length: > 0 } sessionId)
        {
            await sessions.ExtendAsync(sessionId, time.GetUtcNow() + context.Options.ExpireTimeSpan, context.HttpContext.RequestAborted);
        }
    }

    // API callers get a status code they can act on; only page navigations are redirected.
    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context) => IsApi(context.Request)
        ? JsonError.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "unauthorized", "Sign in first: this request has no valid session cookie.", context.HttpContext.RequestAborted)
        : RedirectAsync(context);

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context) => IsApi(context.Request)
        ? JsonError.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "forbidden", "This user may not make this request.", context.HttpContext.RequestAborted)
        : RedirectAsync(context);

    private static bool IsApi(HttpRequest request) =>
        !HttpMethods.IsGet(request.Method) || request.Path.StartsWithSegments("/chatkit") || request.Path.StartsWithSegments("/api");

    private static Task RedirectAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private async Task<bool> IsLiveAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (ChatKitClaims.UserId(principal) is not { } userId)
        {
            return false;
        }

        if (ChatKitClaims.IsGuest(principal))
        {
            return !await CachedAsync(GuestKey(userId), ct => sessions.IsGuestRetiredAsync(userId, ct), cancellationToken);
        }

        // An account cookie without a session predates sessions: it cannot be ended, so it is refused.
        return principal.FindFirstValue(ChatKitClaims.SessionId) is { Length: > 0 } sessionId
            && await CachedAsync(SessionKey(sessionId), ct => sessions.IsLiveAsync(sessionId, userId, time.GetUtcNow(), ct), cancellationToken);
    }

    /// <summary>Ends the session of <paramref name="user"/>, the browser's current user, if it has one.</summary>
    private async Task EndAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (ChatKitClaims.UserId(user) is not { } userId)
        {
            return;
        }

        if (ChatKitClaims.IsGuest(user))
        {
            var now = time.GetUtcNow();
            await sessions.RetireGuestAsync(userId, now, now - options.Value.CookieLifetime, cancellationToken);
            Remember(GuestKey(userId), true); // retired
        }
        else if (user.FindFirstValue(ChatKitClaims.SessionId) is { Length: > 0 } sessionId)
        {
            await sessions.DeleteAsync(sessionId, cancellationToken);
            Remember(SessionKey(sessionId), false); // not live
        }
    }

    private async Task<bool> CachedAsync(string key, Func<CancellationToken, Task<bool>> ask, CancellationToken cancellationToken)
    {
        var duration = options.Value.SessionCacheDuration;
        if (duration <= TimeSpan.Zero)
        {
            return await ask(cancellationToken);
        }

        if (cache.TryGetValue(key, out bool known))
        {
            return known;
        }

        var answer = await ask(cancellationToken);
        Remember(key, answer);
        return answer;
    }

    // Ended sessions are remembered as such, not just forgotten: a replayed cookie then costs no query.
    private void Remember(string key, bool answer)
    {
        if (options.Value.SessionCacheDuration > TimeSpan.Zero)
        {
            cache.Set(key, answer, options.Value.SessionCacheDuration);
        }
    }

    private static string SessionKey(string sessionId) => "chatkit:session:" + sessionId;

    private static string GuestKey(string userId) => "chatkit:guest:" + userId;

    [LoggerMessage(Level = LogLevel.Information, Message = "A cookie of an ended session was refused.")]
    private static partial void LogRefused(ILogger logger);
}
