using ChatKitApp.Tests.Fixtures;
using Dapper;

namespace ChatKitApp.Tests.Limits;

/// <summary>The limits shared through PostgreSQL (ConnectionStrings:ChatKit, no Redis).</summary>
public sealed class PostgresSharedRequestLimitTests(PostgresFixture database) : SharedRequestLimitTests, IClassFixture<PostgresFixture>
{
    protected override Task<Dictionary<string, string?>> SharedStoreSettingsAsync() =>
        Task.FromResult(new Dictionary<string, string?> { ["ConnectionStrings:ChatKit"] = database.ConnectionString });

    protected override async Task<long> RequestCountersAsync()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM request_counts");
    }
}
