using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ChatKitApp.Auth;

/// <summary>
/// <c>POST /account/logout</c>: a form post (antiforgery token, same-origin) rather than a link, so
/// another site cannot sign users out; <c>GET /account/login/oidc</c> starts a sign-in with the
/// OpenID Connect provider when one is configured. Sign-in and registration are the Blazor pages under /account.
/// </summary>
public static class AccountEndpoints
{
    public const string OidcSignInPath = "/account/login/oidc";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/logout", SignOutAsync).RequireSameOrigin();
        if (endpoints.ServiceProvider.GetRequiredService<IOptions<OidcSignInOptions>>().Value.Enabled)
        {
            endpoints.MapGet(OidcSignInPath, ChallengeOidc);
        }

        return endpoints;
    }

    // Off to the provider; the handler brings the browser back to the return URL, which must be
    // on this site (a crafted link cannot use the sign-in to send users elsewhere).
    private static ChallengeHttpResult ChallengeOidc(string? returnUrl) =>
        TypedResults.Challenge(new AuthenticationProperties { RedirectUri = LocalUrl.OrHome(returnUrl) }, [OidcSignInOptions.Scheme]);

    private static async Task<RedirectHttpResult> SignOutAsync(HttpContext http, IFormCollection form)
    {
        // Binding the form makes the antiforgery middleware check its token first.
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.LocalRedirect(LocalUrl.OrHome(form["returnUrl"].ToString()));
    }
}
