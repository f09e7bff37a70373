using ChatKitApp.Feedback;
using ChatKitApp.Postgres;
using ChatKitApp.Tests.Fixtures;

namespace ChatKitApp.Tests.Feedback;

public sealed class PostgresFeedbackStoreTests(PostgresFixture database) : FeedbackStoreContractTests, IClassFixture<PostgresFixture>
{
    protected override IFeedbackStore Store { get; } = new PostgresFeedbackStore(database.DataSource);
}
