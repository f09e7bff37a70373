using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKitHost;
using ChatKitApp.Postgres;
using ChatKitApp.Tests.Fixtures;

namespace ChatKitApp.Tests.ChatKit.Server;

/// <summary>The thread races on PostgreSQL; a second instance has its own connection pool on the same schema.</summary>
public sealed class PostgresThreadRaceTests(PostgresFixture database) : ThreadRaceTests, IClassFixture<PostgresFixture>
{
    protected override IChatKitStore<ChatKitRequestContext> NewStore() => new PostgresStore<ChatKitRequestContext>(database.DataSource);

    protected override IChatKitStore<ChatKitRequestContext> SameData(IChatKitStore<ChatKitRequestContext> store) =>
        new PostgresStore<ChatKitRequestContext>(database.OpenDataSource(database.ConnectionString));
}
