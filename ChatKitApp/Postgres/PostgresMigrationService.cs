using Microsoft.Extensions.Options;

namespace ChatKitApp.Postgres;

/// <summary>
/// Runs <see cref="PostgresMigrator"/> while the host starts, before the server takes requests,
/// so no request meets an old schema.
/// </summary>
internal sealed class PostgresMigrationService(PostgresMigrator migrator, IOptions<PostgresStoreOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.MigrateOnStartup)
        {
            await migrator.MigrateAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
