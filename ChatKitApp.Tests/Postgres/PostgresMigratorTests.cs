using ChatKitApp.Postgres;
using ChatKitApp.Tests.Fixtures;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ChatKitApp.Tests.Postgres;

public sealed class PostgresMigratorTests(PostgresFixture database) : IClassFixture<PostgresFixture>
{
    private static CancellationToken None => CancellationToken.None;

    [Fact]
    public async Task Migrating_an_empty_schema_creates_the_tables_and_records_every_version()
    {
        var dataSource = database.OpenDataSource(await database.CreateSchemaAsync());

        var version = await Migrator(dataSource).MigrateAsync(None);

        var latest = PostgresMigration.Embedded[^1];
        Assert.Equal(latest.Version, version);
        Assert.Equal(PostgresMigration.Embedded.Select(m => (m.Version, m.Name)), await VersionsAsync(dataSource));
        Assert.Equal(["accounts", "attachment_blobs", "attachments", "data_protection_keys", "feedback", "job_schedule", "request_counts", "retired_guests", "schema_version", "sessions", "shares", "stream_slots", "thread_items", "threads", "turn_usage"], await TablesAsync(dataSource));
    }

    [Fact]
    public async Task Migrating_again_changes_nothing()
    {
        var dataSource = database.OpenDataSource(await database.CreateSchemaAsync());
        var first = await Migrator(dataSource).MigrateAsync(None);

        var second = await Migrator(dataSource).MigrateAsync(None);

        Assert.Equal(first, second);
        Assert.Equal(PostgresMigration.Embedded.Count, (await VersionsAsync(dataSource)).Count);
    }

    [Fact]
    public async Task Eight_instances_starting_at_once_apply_each_migration_exactly_once()
    {
        var connectionString = await database.CreateSchemaAsync();
        var dataSources = Enumerable.Range(0, 8).Select(_ => database.OpenDataSource(connectionString)).ToList();

        // Without the lock, concurrent CREATE TABLEs fail (duplicate key in pg_type) or versions repeat.
        var versions = await Task.WhenAll(dataSources.Select(ds => Task.Run(() => Migrator(ds).MigrateAsync(None))));

        Assert.All(versions, v => Assert.Equal(PostgresMigration.Embedded[^1].Version, v));
        Assert.Equal(PostgresMigration.Embedded.Select(m => (m.Version, m.Name)), await VersionsAsync(dataSources[0]));
    }

    [Fact]
    public async Task A_failing_migration_leaves_neither_a_partial_schema_nor_a_version()
    {
        var dataSource = database.OpenDataSource(await database.CreateSchemaAsync());
        PostgresMigration[] migrations =
        [
            new(1, "good", "CREATE TABLE good (id int)"),
            new(2, "bad", "CREATE TABLE half (id int); SELECT 1 / 0"),
        ];

        await Assert.ThrowsAsync<PostgresException>(() => Migrator(dataSource).MigrateAsync(migrations, None));

        Assert.Empty(await TablesAsync(dataSource));
        Assert.Equal(PostgresMigration.Embedded[^1].Version, await Migrator(dataSource).MigrateAsync(None));
    }

    [Fact]
    public async Task Later_migrations_are_applied_on_top_of_earlier_ones()
    {
        var dataSource = database.OpenDataSource(await database.CreateSchemaAsync());
        await Migrator(dataSource).MigrateAsync(None);
        var next = new PostgresMigration(PostgresMigration.Embedded[^1].Version + 1, "add_column", "ALTER TABLE threads ADD COLUMN archived boolean NOT NULL DEFAULT false");

        var version = await Migrator(dataSource).MigrateAsync([.. PostgresMigration.Embedded, next], None);

        Assert.Equal(next.Version, version);
        Assert.Equal((next.Version, next.Name), (await VersionsAsync(dataSource))[^1]);
    }

    private static PostgresMigrator Migrator(NpgsqlDataSource dataSource) => new(dataSource, NullLogger<PostgresMigrator>.Instance);

    private static async Task<List<(int Version, string Name)>> VersionsAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<(int, string)>("SELECT version, name FROM schema_version ORDER BY version");
        return rows.AsList();
    }

    private static async Task<List<string>> TablesAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<string>(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name");
        return rows.AsList();
    }
}
