using ChatKitApp.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ChatKitApp.Tests.Fixtures;

/// <summary>
/// A PostgreSQL schema of its own for one test class, migrated, on the server named by
/// <c>CHATKIT_TEST_DB</c> (eng/test.sh starts one and sets it). A missing variable or an
/// unreachable server fails the tests: a store that was never exercised must not pass quietly.
/// Schemas are dropped when the class is done.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public const string Variable = "CHATKIT_TEST_DB";

    private const string Hint = "set CHATKIT_TEST_DB or run eng/test.sh";

    private readonly List<string> _schemas = [];
    private readonly List<NpgsqlDataSource> _dataSources = [];
    private string _server = "";

    /// <summary>The connection string of this class's migrated schema.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>A pooled data source on <see cref="ConnectionString"/>.</summary>
    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"No test database: {Variable} is not set ({Hint}).");
        ConnectionString = await CreateSchemaAsync();
        DataSource = OpenDataSource(ConnectionString);
        await new PostgresMigrator(DataSource, NullLogger<PostgresMigrator>.Instance).MigrateAsync(CancellationToken.None);
    }

    /// <summary>Creates another empty schema (dropped with the fixture); returns its connection string.</summary>
    public async Task<string> CreateSchemaAsync()
    {
        var schema = $"test_{Guid.NewGuid():N}";
        try
        {
            await using var connection = new NpgsqlConnection(_server);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE SCHEMA \"{schema}\"", connection); // a generated name, not input
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or ArgumentException)
        {
            throw new InvalidOperationException($"The test database in {Variable} is unreachable ({ex.Message}); {Hint}.", ex);
        }

        _schemas.Add(schema);
        return new NpgsqlConnectionStringBuilder(_server) { SearchPath = schema }.ConnectionString;
    }

    /// <summary>A separate pool on <paramref name="connectionString"/>, like another app instance would have.</summary>
    public NpgsqlDataSource OpenDataSource(string connectionString)
    {
        var dataSource = NpgsqlDataSource.Create(connectionString);
        _dataSources.Add(dataSource);
        return dataSource;
    }

    public async Task DisposeAsync()
    {
        foreach (var dataSource in _dataSources)
        {
            await dataSource.DisposeAsync();
        }

        if (_schemas.Count == 0)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        foreach (var schema in _schemas)
        {
            await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
