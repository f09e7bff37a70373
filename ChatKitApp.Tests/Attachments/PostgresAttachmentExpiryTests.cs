using ChatKitApp.Tests.Fixtures;

namespace ChatKitApp.Tests.Attachments;

/// <summary>The same on PostgreSQL, where the rows are stamped by the database and the bytes go through the foreign key.</summary>
public sealed class PostgresAttachmentExpiryTests(PostgresFixture database) : AttachmentExpiryTests, IClassFixture<PostgresFixture>
{
    protected override async Task<ChatKitAppFactory> CreateAppAsync() => ChatKitAppFactory.OnPostgres(await database.CreateSchemaAsync());
}
