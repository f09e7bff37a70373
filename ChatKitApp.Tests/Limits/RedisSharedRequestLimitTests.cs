using ChatKitApp.Tests.Fixtures;

namespace ChatKitApp.Tests.Limits;

/// <summary>
/// The limits shared through Redis (ConnectionStrings:Redis) while the chats live in PostgreSQL,
/// whose key ring lets one cookie work on both instances.
/// </summary>
public sealed class RedisSharedRequestLimitTests(PostgresFixture database, RedisServer redis)
    : SharedRequestLimitTests, IClassFixture<PostgresFixture>, IClassFixture<RedisServer>
{
    protected override Task<Dictionary<string, string?>> SharedStoreSettingsAsync() => Task.FromResult(new Dictionary<string, string?>
    {
        ["ConnectionStrings:ChatKit"] = database.ConnectionString,
        ["ConnectionStrings:Redis"] = redis.ConnectionString,
    });

    protected override async Task<long> RequestCountersAsync()
    {
        var connection = await redis.ConnectAsync();
        var server = connection.GetServer(connection.GetEndPoints().Single());
        return server.Keys(pattern: "chatkit:requests:*").LongCount();
    }
}
