using Npgsql;

namespace ChatKitApp.E2E.Fixtures;

/// <summary>
/// A throwaway PostgreSQL schema on the server named by <c>CHATKIT_TEST_DB</c> (eng/test.sh starts
/// one), so the browser tests run against the production store. Under CI a missing database fails
/// the run; a developer without one gets the in-memory store.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _server;
    private readonly string _schema = $"e2e_{Guid.NewGuid():N}";

    private TestDatabase(string? server, string? connectionString)
    {
        _server = server;
        ConnectionString = connectionString;
    }

    /// <summary>The schema's connection string, or null when running on the in-memory store.</summary>
    public string? ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable("CHATKIT_TEST_DB");
        if (string.IsNullOrEmpty(server))
        {
            return Environment.GetEnvironmentVariable("CI") is { Length: > 0 }
                ? throw new InvalidOperationException("CHATKIT_TEST_DB is not set: the browser tests need PostgreSQL under CI (run eng/test.sh).")
                : new TestDatabase(null, null);
        }

        var database = new TestDatabase(server, null);
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE SCHEMA \"{database._schema}\"", connection); // generated name
            await command.ExecuteNonQueryAsync();
        }

        return new TestDatabase(server, new NpgsqlConnectionStringBuilder(server) { SearchPath = database._schema }.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is null || ConnectionString is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }
}
