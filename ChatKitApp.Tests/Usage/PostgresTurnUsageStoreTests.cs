using ChatKitApp.Postgres;
using ChatKitApp.Tests.Fixtures;
using ChatKitApp.Usage;

namespace ChatKitApp.Tests.Usage;

public sealed class PostgresTurnUsageStoreTests(PostgresFixture database) : TurnUsageStoreContractTests, IClassFixture<PostgresFixture>
{
    protected override ITurnUsageStore Store { get; } = new PostgresTurnUsageStore(database.DataSource);
}
