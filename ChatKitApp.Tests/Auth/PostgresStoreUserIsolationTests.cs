using ChatKitApp.Tests.Fixtures;

namespace ChatKitApp.Tests.Auth;

/// <summary>The isolation suite again, on PostgreSQL: each app gets its own empty schema.</summary>
public sealed class PostgresStoreUserIsolationTests(PostgresFixture database) : UserIsolationTests, IClassFixture<PostgresFixture>
{
    protected override async Task<ChatKitAppFactory> CreateAppAsync() => ChatKitAppFactory.OnPostgres(await database.CreateSchemaAsync());
}
