using System.Globalization;
using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.Limits;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ChatKitApp.Auth;

/// <summary>
/// A per-client-address limit on an account form's posts (sign-in, registration), with ASP.NET
/// Core's rate limiter. Showing the form is free; past the limit a post gets 429 with
/// <c>Retry-After</c> and a small page saying when to try again, which is what a browser's form
/// post shows well (the forms are plain HTML posts, not API calls).
/// </summary>
internal sealed class AccountFormRateLimitPolicy(Func<ChatKitAuthOptions, (int Permits, TimeSpan Window)> limit) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        if (!HttpMethods.IsPost(httpContext.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        var (permits, window) = limit(httpContext.RequestServices.GetRequiredService<IOptions<ChatKitAuthOptions>>().Value);
        // Without an address there is nothing to count by: one shared count would let any one
        // client shut everyone out of the forms (the sign-in throttle still applies).
        return permits <= 0 || ClientAddress.KeyOf(httpContext.Connection.RemoteIpAddress) is not { } key
            ? RateLimitPartition.GetNoLimiter("")
            : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 });
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        context.HttpContext.RequestServices.GetService<ChatKitMetrics>()?.Error("form_rate_limited", StatusCodes.Status429TooManyRequests);
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        response.ContentType = "text/html; charset=utf-8";
        var back = HtmlEncoder.Default.Encode(context.HttpContext.Request.Path.Value ?? "/");
        await response.WriteAsync(
            $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Too many attempts · ChatKitApp</title></head>
            <body><h1>Too many attempts</h1>
            <p data-testid="rate-limited">Too many attempts from your network. Try again in {seconds} seconds.</p>
            <p><a href="{back}">Back to the form</a></p></body></html>
            """,
            cancellationToken);
    }
}
