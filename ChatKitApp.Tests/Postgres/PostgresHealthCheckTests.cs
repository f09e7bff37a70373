using ChatKitApp.Postgres;
using ChatKitApp.Tests.Fixtures;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace ChatKitApp.Tests.Postgres;

public sealed class PostgresHealthCheckTests(PostgresFixture database) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task A_migrated_database_is_healthy_and_reports_its_schema_version()
    {
        var result = await Check(database.DataSource);

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal(PostgresMigration.Embedded[^1].Version, result.Data["schema_version"]);
    }

    [Fact]
    public async Task A_database_without_the_schema_is_unhealthy()
    {
        var result = await Check(database.OpenDataSource(await database.CreateSchemaAsync()));

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
    }

    [Fact]
    public async Task A_database_whose_newest_migration_has_not_run_is_unhealthy()
    {
        var behind = await database.CreateSchemaAsync();
        var dataSource = database.OpenDataSource(behind);
        await new PostgresMigrator(dataSource, Microsoft.Extensions.Logging.Abstractions.NullLogger<PostgresMigrator>.Instance).MigrateAsync(CancellationToken.None);
        await using (var command = dataSource.CreateCommand("DELETE FROM schema_version WHERE version = (SELECT max(version) FROM schema_version)"))
        {
            await command.ExecuteNonQueryAsync();
        }

        var result = await Check(dataSource);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("migrations pending", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_database_is_unhealthy()
    {
        // Port 1 on loopback refuses at once.
        var unreachable = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Port = 1, Timeout = 2 }.ConnectionString;

        var result = await Check(database.OpenDataSource(unreachable));

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
    }

    [Fact]
    public async Task A_migrated_database_is_unhealthy_until_start_up_has_made_it_ready()
    {
        var result = await Check(database.DataSource, new PostgresAvailability());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
    }

    private static Task<HealthCheckResult> Check(NpgsqlDataSource dataSource)
    {
        var ready = new PostgresAvailability();
        ready.MarkReady();
        return Check(dataSource, ready);
    }

    private static Task<HealthCheckResult> Check(NpgsqlDataSource dataSource, PostgresAvailability availability)
    {
        var check = new PostgresHealthCheck(dataSource, availability);
        var context = new HealthCheckContext { Registration = new HealthCheckRegistration("postgres", check, HealthStatus.Unhealthy, tags: null) };
        return check.CheckHealthAsync(context, CancellationToken.None);
    }
}
