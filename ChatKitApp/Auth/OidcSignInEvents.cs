using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace ChatKitApp.Auth;

/// <summary>
/// Turns the provider's ID token into the app's own principal (only a user id and a display
/// name go into the cookie) and sends failed sign-ins back to the sign-in page instead of an
/// error page.
/// </summary>
internal sealed partial class OidcSignInEvents(ILogger<OidcSignInEvents> logger) : OpenIdConnectEvents
{
    /// <summary>The sign-in page's query when the provider's sign-in did not complete.</summary>
    public const string FailedQuery = "error=oidc";

    public override Task TokenValidated(TokenValidatedContext context)
    {
        // MapInboundClaims is off, so the token's claims keep their JWT names.
        var token = context.Principal;
        var issuer = token?.FindFirst("iss")?.Value;
        var subject = token?.FindFirst("sub")?.Value;
        if (string.IsNullOrEmpty(issuer) || string.IsNullOrEmpty(subject))
        {
            context.Fail("The provider's ID token has no issuer or subject.");
            return Task.CompletedTask;
        }

        var name = token!.FindFirst("name")?.Value ?? token.FindFirst("preferred_username")?.Value ?? token.FindFirst("email")?.Value;
        context.Principal = ChatKitClaims.FromOidc(issuer, subject, name, OidcSignInOptions.Scheme);
        context.Properties!.IsPersistent = true; // like password sign-ins: the cookie outlives the browser session
        LogSignedIn(logger, issuer);
        return Task.CompletedTask;
    }

    public override Task RemoteFailure(RemoteFailureContext context)
    {
        LogFailed(logger, context.Failure);
        context.Response.Redirect($"{ChatKitAuthExtensions.LoginPath}?{FailedQuery}");
        context.HandleResponse();
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A user signed in through the OpenID Connect provider {Issuer}.")]
    private static partial void LogSignedIn(ILogger logger, string issuer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An OpenID Connect sign-in failed.")]
    private static partial void LogFailed(ILogger logger, Exception? exception);
}
