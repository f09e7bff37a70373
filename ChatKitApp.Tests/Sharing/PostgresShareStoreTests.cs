using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKitHost;
using ChatKitApp.Postgres;
using ChatKitApp.Sharing;
using ChatKitApp.Tests.Fixtures;

namespace ChatKitApp.Tests.Sharing;

public sealed class PostgresShareStoreTests(PostgresFixture database) : ShareStoreContractTests, IClassFixture<PostgresFixture>
{
    protected override IChatKitStore<ChatKitRequestContext> Chats { get; } = new PostgresStore<ChatKitRequestContext>(database.DataSource);

    protected override IShareStore Shares { get; } = new PostgresShareStore(database.DataSource);
}
