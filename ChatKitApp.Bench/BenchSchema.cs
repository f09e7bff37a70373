using ChatKitApp.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ChatKitApp.Bench;

/// <summary>
/// A throwaway schema on the benchmark's server, migrated to this build's newest migration and
/// dropped when disposed, so a measurement never sees another one's rows.
/// </summary>
internal sealed class BenchSchema : IAsyncDisposable
{
    private readonly string _server;
    private readonly string _name;

    private BenchSchema(string server, string name, NpgsqlDataSource dataSource)
    {
        _server = server;
        _name = name;
        DataSource = dataSource;
    }

    public NpgsqlDataSource DataSource { get; }

    /// <param name="commandTimeoutSeconds">long enough for seeding hundreds of thousands of rows</param>
    public static async Task<BenchSchema> CreateAsync(string server, int commandTimeoutSeconds)
    {
        var name = $"bench_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"CREATE SCHEMA \"{name}\""); // generated name
        var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(server) { SearchPath = name, CommandTimeout = commandTimeoutSeconds }.ConnectionString);
        var schema = new BenchSchema(server, name, dataSource);
        try
        {
            await new PostgresMigrator(dataSource, NullLogger<PostgresMigrator>.Instance).MigrateAsync(CancellationToken.None);
            return schema;
        }
        catch
        {
            await schema.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(_server, $"DROP SCHEMA \"{_name}\" CASCADE");
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await new NpgsqlCommand(sql, admin).ExecuteNonQueryAsync();
    }
}
