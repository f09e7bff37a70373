using ChatKitApp.Tests.Fixtures;

namespace ChatKitApp.Tests.Auth;

/// <summary>The account suite again, with accounts (and chats) in PostgreSQL.</summary>
public sealed class PostgresStoreAccountTests(PostgresFixture database) : AccountTests, IClassFixture<PostgresFixture>
{
    protected override async Task<ChatKitAppFactory> CreateAppAsync() => ChatKitAppFactory.OnPostgres(await database.CreateSchemaAsync());
}
