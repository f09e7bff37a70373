using ChatKitApp.Tests.Fixtures;

namespace ChatKitApp.Tests.Attachments;

public sealed class PostgresMalformedUploadTests(PostgresFixture database) : MalformedUploadTests, IClassFixture<PostgresFixture>
{
    protected override async Task<Dictionary<string, string?>> SettingsAsync() =>
        new() { ["ConnectionStrings:ChatKit"] = await database.CreateSchemaAsync() };
}
