using ChatKitApp.Tests.Fixtures;

namespace ChatKitApp.Tests.ChatKit.Server;

/// <summary>The whole endpoint suite again, on PostgreSQL: each app gets its own empty schema.</summary>
public sealed class PostgresStoreEndpointTests(PostgresFixture database) : ChatKitEndpointTests, IClassFixture<PostgresFixture>
{
    protected override async Task<ChatKitAppFactory> CreateAppAsync(Dictionary<string, string?> settings, Action<ScriptedChatKitServer>? script = null)
    {
        var withDatabase = new Dictionary<string, string?>(settings) { ["ConnectionStrings:ChatKit"] = await database.CreateSchemaAsync() };
        return new ChatKitAppFactory(withDatabase, script);
    }
}
