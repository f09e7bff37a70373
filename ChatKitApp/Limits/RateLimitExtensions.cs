using System.Globalization;
using System.Threading.RateLimiting;
using ChatKitApp.Auth;
using ChatKitApp.ChatKitHost;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.Hosting;
using ChatKitApp.Postgres;
using ChatKitApp.Redis;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ChatKitApp.Limits;

/// <summary>
/// What one user or one address may ask of this instance (<see cref="RateLimitOptions"/>): the
/// per-user request rate on the ChatKit API (ASP.NET Core's rate limiter), the open-stream caps
/// (<see cref="ChatKitStreamGate"/>) and the bound on new guests (<see cref="GuestSignInLimiter"/>).
/// With a shared store (<see cref="RateLimitOptions.ShareAcrossInstances"/>: Redis when
/// <c>ConnectionStrings:Redis</c> is set, else PostgreSQL when <c>ConnectionStrings:ChatKit</c> is) the
/// request rate and the stream caps count there instead (<see cref="SharedWindowLimiter"/>,
/// <see cref="SharedStreamGate"/>), once for all instances.
/// </summary>
public static class RateLimitExtensions
{
    /// <summary>The policy name; endpoints opt in with <c>RequireRateLimiting(PolicyName)</c>.</summary>
    public const string PolicyName = "ChatKitPerUser";

    public static WebApplicationBuilder AddChatKitRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<RateLimitOptions>(RateLimitOptions.SectionName);
        builder.Services.AddSingleton<ChatKitStreamGate>();
        if (builder.AddSharedLimitStore())
        {
            builder.Services.AddSingleton<SharedLimitStoreFailures>();
            builder.Services.AddSingleton<SharedStreamGate>();
            builder.Services.AddSingleton<IChatKitStreamAdmission<ChatKitRequestContext>>(sp => sp.GetRequiredService<SharedStreamGate>());
            builder.Services.AddHostedService<SharedStreamSlotRenewer>();
        }
        else
        {
            builder.Services.AddSingleton<IChatKitStreamAdmission<ChatKitRequestContext>>(sp => sp.GetRequiredService<ChatKitStreamGate>());
        }

        builder.Services.AddSingleton<GuestSignInLimiter>();
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, cancellationToken) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                    : 1;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return new ValueTask(JsonError.WriteAsync(
                    context.HttpContext, StatusCodes.Status429TooManyRequests, "rate_limited", $"Too many requests; try again in {seconds} s.", cancellationToken));
            };
            options.AddPolicy(PolicyName, http =>
            {
                var limits = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                // Authorization ran first, so there is a user; the address is only a fallback key.
                var key = ChatKitClaims.UserId(http.User) ?? "ip:" + http.Connection.RemoteIpAddress;
                var window = TimeSpan.FromSeconds(Math.Max(1, limits.RateWindowSeconds));
                if (limits.RequestsPerWindow > 0 && http.RequestServices.GetService<ISharedLimitStore>() is { } store)
                {
                    var services = http.RequestServices;
                    return RateLimitPartition.Get(key, k => new SharedWindowLimiter(
                        store, "requests:" + k, limits.RequestsPerWindow, window,
                        services.GetRequiredService<TimeProvider>(), services.GetRequiredService<SharedLimitStoreFailures>()));
                }

                return limits.RequestsPerWindow <= 0
                    ? RateLimitPartition.GetNoLimiter(key)
                    : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = limits.RequestsPerWindow,
                        Window = window,
                        QueueLimit = 0, // refuse at once: a queued chat request only looks hung
                    });
            });
        });
        return builder;
    }

    /// <summary>Registers the shared store the limits count in, if any; true when there is one.</summary>
    private static bool AddSharedLimitStore(this WebApplicationBuilder builder)
    {
        if (!builder.Configuration.GetValue(RateLimitOptions.SectionName + ":" + nameof(RateLimitOptions.ShareAcrossInstances), true))
        {
            return false;
        }

        if (builder.Configuration.GetConnectionString("Redis") is { Length: > 0 } redis)
        {
            builder.Services.AddRedisSharedLimits(redis);
            return true;
        }

        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("ChatKit")))
        {
            builder.Services.AddSingleton<ISharedLimitStore, PostgresSharedLimits>(); // its data source comes with the PostgreSQL store
            return true;
        }

        return false;
    }
}
