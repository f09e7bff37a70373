using ChatKitApp.Components.Chat;
using Microsoft.Extensions.Options;

namespace ChatKitApp.Hosting;

/// <summary>
/// Security headers on every response, and a Content-Security-Policy on HTML pages that allows the
/// app itself and the ChatKit CDN origin and nothing else. The one inline script (Blazor's import
/// map) carries a per-request nonce (<see cref="CspNonceExtensions.CspNonce"/>). Styles may be
/// inline: Blazor and the chat element (in its shadow root) set them at run time.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<ChatKitFrontendOptions> frontend)
{
    // The policy is fixed at start-up except for the script nonce, so it is built once around
    // the nonce's place in script-src.
    private readonly (string BeforeNonce, string AfterNonce) _policy = PolicyAroundNonce(CdnOrigin(frontend.Value));

    public Task InvokeAsync(HttpContext http)
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            if (http.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
            {
                headers.XFrameOptions = "DENY"; // frame-ancestors for browsers without CSP 2
                headers.ContentSecurityPolicy = Policy(http.CspNonceIfMade());
            }

            return Task.CompletedTask;
        });
        return next(http);
    }

    private string Policy(string? nonce) =>
        nonce is null
            ? _policy.BeforeNonce + _policy.AfterNonce
            : $"{_policy.BeforeNonce} 'nonce-{nonce}'{_policy.AfterNonce}";

    private static (string BeforeNonce, string AfterNonce) PolicyAroundNonce(string cdnOrigin)
    {
        var cdn = cdnOrigin.Length > 0 ? " " + cdnOrigin : "";
        // connect-src 'self' covers Blazor's WebSocket (ws/wss to this host) and POST /chatkit;
        // the CDN element draws its UI in a frame from the CDN origin.
        var otherDirectives = string.Join("; ",
            $"style-src 'self' 'unsafe-inline'{cdn}",
            $"img-src 'self' data: blob:{cdn}",
            $"font-src 'self' data:{cdn}",
            $"connect-src 'self'{cdn}",
            $"frame-src{(cdn.Length > 0 ? cdn : " 'none'")}",
            "frame-ancestors 'none'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'");
        return ("default-src 'self'; script-src 'self'", $"{cdn}; {otherDirectives}");
    }

    private static string CdnOrigin(ChatKitFrontendOptions options) =>
        options.Source != ChatKitElementSource.Local && Uri.TryCreate(options.CdnUrl, UriKind.Absolute, out var url) && url.Scheme is "https" or "http"
            ? url.GetLeftPart(UriPartial.Authority)
            : "";
}
