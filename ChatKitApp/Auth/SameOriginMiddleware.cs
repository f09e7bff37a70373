using ChatKitApp.ChatKit.Server;
using ChatKitApp.Hosting;

namespace ChatKitApp.Auth;

/// <summary>
/// CSRF guard for endpoints marked with <see cref="SameOriginMetadata"/>: an unsafe request that a
/// browser says came from another site is refused with 403 before authentication or the endpoint
/// runs. Browsers send <c>Sec-Fetch-Site</c> (Fetch Metadata) on every request; older ones at
/// least <c>Origin</c> on POST. A request with neither is not from a browser page, so no cookie
/// was attached on someone else's behalf and it may pass (curl, scripts, tests).
/// </summary>
internal sealed partial class SameOriginMiddleware(RequestDelegate next, ILogger<SameOriginMiddleware> logger)
{
    public Task InvokeAsync(HttpContext http)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<SameOriginMetadata>() is null || IsSafe(http.Request.Method) || IsSameOrigin(http.Request))
        {
            return next(http);
        }

        LogRefused(logger, http.Request.Path, http.Request.Headers["Sec-Fetch-Site"].ToString(), http.Request.Headers.Origin.ToString());
        return JsonError.WriteAsync(http, StatusCodes.Status403Forbidden, "cross_site_request", "Cross-site requests are not allowed.", http.RequestAborted);
    }

    internal static bool IsSameOrigin(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            // "none" is the user's own action (address bar, bookmark); "same-site" is a sibling
            // subdomain, which is another origin and refused like any other site.
            return site is "same-origin" or "none";
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0
            || string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsSafe(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a cross-site request to {Path} (Sec-Fetch-Site '{Site}', Origin '{Origin}').")]
    private static partial void LogRefused(ILogger logger, PathString path, string site, string origin);
}
