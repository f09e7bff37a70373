using ChatKitApp.Tests.Fixtures;

namespace ChatKitApp.Tests.Admin;

public sealed class PostgresAdminPageTests(PostgresFixture database) : AdminPageTests, IClassFixture<PostgresFixture>
{
    protected override Dictionary<string, string?> StoreSettings() => new() { ["ConnectionStrings:ChatKit"] = database.ConnectionString };
}
