using ChatKitApp.Limits;
using ChatKitApp.Redis;
using ChatKitApp.Tests.Fixtures;
using ChatKitApp.Tests.Limits;

namespace ChatKitApp.Tests.Redis;

/// <summary>The shared limits on a real redis-server.</summary>
public sealed class RedisSharedLimitsTests(RedisServer redis) : SharedLimitStoreTests, IClassFixture<RedisServer>
{
    protected override async Task<ISharedLimitStore> NewInstanceAsync() => new RedisSharedLimits(await redis.ConnectAsync());
}
