using System.Globalization;
using System.Threading.RateLimiting;
using ChatKitApp.ChatKit.Server;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ChatKitApp.Auth;

/// <summary>The per-user rate limit on the ChatKit API, with ASP.NET Core's rate limiter.</summary>
public static class UserRateLimitExtensions
{
    /// <summary>The policy name; endpoints opt in with <c>RequireRateLimiting(PolicyName)</c>.</summary>
    public const string PolicyName = "ChatKitPerUser";

    public static WebApplicationBuilder AddUserRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<UserRateLimitOptions>().BindConfiguration(UserRateLimitOptions.SectionName);
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, cancellationToken) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                    : 1;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return new ValueTask(ChatKitEndpoint.WriteErrorAsync(
                    context.HttpContext.Response, StatusCodes.Status429TooManyRequests, "rate_limited", $"Too many requests; try again in {seconds} s.", cancellationToken));
            };
            options.AddPolicy(PolicyName, http =>
            {
                var limits = http.RequestServices.GetRequiredService<IOptions<UserRateLimitOptions>>().Value;
                // Authorization ran first, so there is a user; the address is only a fallback key.
                var key = ChatKitClaims.UserId(http.User) ?? "ip:" + http.Connection.RemoteIpAddress;
                return limits.RequestsPerWindow <= 0
                    ? RateLimitPartition.GetNoLimiter(key)
                    : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = limits.RequestsPerWindow,
                        Window = TimeSpan.FromSeconds(Math.Max(1, limits.RateWindowSeconds)),
                        QueueLimit = 0, // refuse at once: a queued chat request only looks hung
                    });
            });
        });
        return builder;
    }
}
