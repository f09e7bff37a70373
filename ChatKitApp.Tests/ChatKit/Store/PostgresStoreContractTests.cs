using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKitHost;
using ChatKitApp.Postgres;
using ChatKitApp.Tests.Fixtures;

namespace ChatKitApp.Tests.ChatKit.Store;

/// <summary>The store contract against PostgreSQL, in a schema of this class's own.</summary>
public sealed class PostgresStoreContractTests(PostgresFixture database) : ChatKitStoreContractTests, IClassFixture<PostgresFixture>
{
    protected override IChatKitStore<ChatKitRequestContext> Store { get; } = new PostgresStore<ChatKitRequestContext>(database.DataSource);

    /// <summary>A new store with its own connection pool, as a restarted app instance has.</summary>
    protected override IChatKitStore<ChatKitRequestContext> Reopen() =>
        new PostgresStore<ChatKitRequestContext>(database.OpenDataSource(database.ConnectionString));
}
