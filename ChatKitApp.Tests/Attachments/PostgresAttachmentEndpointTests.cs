using ChatKitApp.Tests.Fixtures;

namespace ChatKitApp.Tests.Attachments;

/// <summary>The same, with the bytes in PostgreSQL (bytea, removed with their attachment row).</summary>
public sealed class PostgresAttachmentEndpointTests(PostgresFixture database) : AttachmentEndpointTests, IClassFixture<PostgresFixture>
{
    protected override async Task<ChatKitAppFactory> CreateAppAsync() => ChatKitAppFactory.OnPostgres(await database.CreateSchemaAsync());
}
