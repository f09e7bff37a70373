using ChatKitApp.Limits;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.Extensions.Options;

namespace ChatKitApp.Auth;

/// <summary>
/// Signs a browser that opens a page without a valid cookie in as a new guest, so the chat on that
/// page already has a user. Only page requests do this: API calls without a cookie stay anonymous
/// (and get 401), so a script cannot mint users by the thousand through the API. The sign-in page is
/// left alone too: a sign-in on the login path makes the cookie handler follow its <c>returnUrl</c>
/// at once, so the form would never show.
/// </summary>
internal sealed partial class GuestSignInMiddleware(RequestDelegate next, IOptions<ChatKitAuthOptions> options, GuestSignInLimiter limiter, ILogger<GuestSignInMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (options.Value.Guest
            && ChatKitClaims.UserId(http.User) is null
            && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            && http.GetEndpoint()?.Metadata is { } metadata
            && metadata.GetMetadata<ComponentTypeMetadata>() is not null
            && metadata.GetMetadata<NoGuestSignInAttribute>() is null
            && http.Request.Path != ChatKitAuthExtensions.LoginPath)
        {
            using var lease = limiter.Acquire(http);
            if (!lease.IsAcquired)
            {
                LogGuestRefused(logger);
                await GuestSignInLimiter.RefuseAsync(http, lease);
                return;
            }

            var guest = ChatKitClaims.NewGuest(CookieAuthenticationDefaults.AuthenticationScheme);
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, guest, new AuthenticationProperties { IsPersistent = true });
            http.User = guest; // this request renders as the guest too
            LogGuestCreated(logger);
        }

        await next(http);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "A new guest user was signed in.")]
    private static partial void LogGuestCreated(ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A new guest was refused: its address has created too many guests.")]
    private static partial void LogGuestRefused(ILogger logger);
}
