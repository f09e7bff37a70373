using ChatKitApp.Limits;
using StackExchange.Redis;

namespace ChatKitApp.Redis;

/// <summary>Registers Redis as the store of the limits all instances share (<c>ConnectionStrings:Redis</c>).</summary>
public static class RedisExtensions
{
    public static IServiceCollection AddRedisSharedLimits(this IServiceCollection services, string connectionString)
    {
        // Not AbortOnConnectFail: the app starts while Redis is away and connects when it is back;
        // meanwhile the limits let requests through (SharedWindowLimiter, SharedStreamGate).
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        services.AddSingleton<ISharedLimitStore, RedisSharedLimits>();
        return services;
    }
}
