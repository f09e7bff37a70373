using ChatKitApp.Tests.Fixtures;

namespace ChatKitApp.Tests.ChatExport;

public sealed class PostgresChatExportTests(PostgresFixture database) : ChatExportTests, IClassFixture<PostgresFixture>
{
    protected override async Task<ChatKitAppFactory> CreateAppAsync() => ChatKitAppFactory.OnPostgres(await database.CreateSchemaAsync());
}
