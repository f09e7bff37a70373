using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatKitApp.Auth;

/// <summary>
/// <c>POST /account/logout</c>: a form post (antiforgery token, same-origin) rather than a link, so
/// another site cannot sign users out. Sign-in and registration are the Blazor pages under /account.
/// </summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/logout", SignOutAsync).RequireSameOrigin();
        return endpoints;
    }

    private static async Task<RedirectHttpResult> SignOutAsync(HttpContext http, IFormCollection form)
    {
        // Binding the form makes the antiforgery middleware check its token first.
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.LocalRedirect(LocalUrl.OrHome(form["returnUrl"].ToString()));
    }
}
