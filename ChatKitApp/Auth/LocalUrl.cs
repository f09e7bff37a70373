using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatKitApp.Auth;

/// <summary>Return URLs after sign-in: only paths on this site, so a link cannot send users elsewhere.</summary>
public static class LocalUrl
{
    /// <summary>
    /// The URL when it is a path on this site, else "/". Besides ASP.NET Core's own check, only
    /// printable ASCII passes: browsers drop tabs and newlines ("/\t/evil" becomes "//evil", another
    /// site), and a non-ASCII character cannot go into a Location header. Links the app makes are
    /// percent-encoded, so they are unaffected.
    /// </summary>
    public static string OrHome(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && RedirectHttpResult.IsLocalUrl(url) && url.All(c => c is > ' ' and < '\x7f')
            ? url
            : "/";
}
