using ChatKitApp.Tests.Fixtures;

namespace ChatKitApp.Tests.ChatKit.Server;

/// <summary>The same on PostgreSQL, which refuses invalid Unicode in text and jsonb: nothing may get that far.</summary>
public sealed class PostgresStoreHostileJsonTests(PostgresFixture database) : HostileJsonTests, IClassFixture<PostgresFixture>
{
    protected override async Task<ChatKitAppFactory> CreateAppAsync() => ChatKitAppFactory.OnPostgres(await database.CreateSchemaAsync());
}
