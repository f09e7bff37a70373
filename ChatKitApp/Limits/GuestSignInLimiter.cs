using System.Globalization;
using System.Net;
using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using ChatKitApp.Auth;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ChatKitApp.Limits;

/// <summary>
/// Bounds the guests one client address creates (<see cref="RateLimitOptions"/>), with ASP.NET
/// Core's partitioned rate limiter: a guest costs a page visit without a cookie, so without a bound one
/// machine could mint users (each with its own request and stream budget) as fast as it can ask.
/// </summary>
public sealed class GuestSignInLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> _limiter;

    public GuestSignInLimiter(IOptions<RateLimitOptions> options)
    {
        var limits = options.Value;
        _limiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            limits.NewGuestsPerAddress > 0 && ClientAddress.KeyOf(http.Connection.RemoteIpAddress) is { } address
                ? RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.NewGuestsPerAddress,
                    Window = limits.NewGuestsWindow,
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter(""));
    }

    /// <summary>A permit to create one guest for this request's address; check <see cref="RateLimitLease.IsAcquired"/>.</summary>
    public RateLimitLease Acquire(HttpContext http) => _limiter.AttemptAcquire(http);

    /// <summary>
    /// Answers 429 with <c>Retry-After</c>: a short page for browsers (it points to the sign-in page,
    /// which needs no guest), the JSON error <c>too_many_guests</c> for anything else.
    /// </summary>
    public static async Task RefuseAsync(HttpContext http, RateLimitLease lease)
    {
        var seconds = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 1;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var wait = seconds < 120 ? $"{seconds} seconds" : $"{(seconds + 59) / 60} minutes";
        if (!AcceptsHtml(http.Request))
        {
            await JsonError.WriteAsync(http, StatusCodes.Status429TooManyRequests, "too_many_guests",
                $"Too many new guests from this network address; try again in {wait}, or sign in.", http.RequestAborted);
            return;
        }

        http.RequestServices.GetService<ChatKitMetrics>()?.Error("too_many_guests", StatusCodes.Status429TooManyRequests); // JsonError counts the other branch
        var login = HtmlEncoder.Default.Encode(http.Request.PathBase + ChatKitAuthExtensions.LoginPath);
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(
            $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Too many new visitors</title></head>
            <body><h1>Too many new visitors from your network</h1>
            <p>Please try again in {wait}, or <a href="{login}">sign in</a>.</p></body></html>
            """,
            http.RequestAborted);
    }

    public void Dispose() => _limiter.Dispose();

    private static bool AcceptsHtml(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
}
