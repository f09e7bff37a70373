using ChatKitApp.Tests.Fixtures;

namespace ChatKitApp.Tests.ChatSearch;

/// <summary>The endpoint suite again, on PostgreSQL: each app gets its own empty schema.</summary>
public sealed class PostgresChatSearchEndpointTests(PostgresFixture database) : ChatSearchEndpointTests, IClassFixture<PostgresFixture>
{
    protected override async Task<ChatKitAppFactory> CreateAppAsync(Dictionary<string, string?> settings) =>
        new(new Dictionary<string, string?>(settings) { ["ConnectionStrings:ChatKit"] = await database.CreateSchemaAsync() });
}
