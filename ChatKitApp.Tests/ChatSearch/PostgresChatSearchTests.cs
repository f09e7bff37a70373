using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKitHost;
using ChatKitApp.ChatSearch;
using ChatKitApp.Postgres;
using ChatKitApp.Tests.Fixtures;

namespace ChatKitApp.Tests.ChatSearch;

/// <summary>The search contract on PostgreSQL (full-text search over migration 0009's column), in a schema of this class's own.</summary>
public sealed class PostgresChatSearchTests(PostgresFixture database) : ChatSearchTests, IClassFixture<PostgresFixture>
{
    protected override IChatKitStore<ChatKitRequestContext> Store { get; } = new PostgresStore<ChatKitRequestContext>(database.DataSource);

    protected override IChatSearch Search { get; } = new PostgresChatSearch(database.DataSource);
}
