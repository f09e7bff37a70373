using Microsoft.Extensions.Options;
using Npgsql;

namespace ChatKitApp.Postgres;

/// <summary>
/// Gets the database ready while the host starts: applies pending migrations (or, with
/// <see cref="PostgresStoreOptions.MigrateOnStartup"/> off, checks that the database answers) and
/// then marks <see cref="PostgresAvailability"/> ready. The first attempt runs before the server
/// and the other hosted services start (it is registered first), so with a reachable database no
/// request and no key-ring read meets an old schema. An unreachable database does not stop the
/// app: it starts unhealthy, answers 503, and retries here with exponential backoff until the
/// database is back. Other failures (a broken migration, a wrong password) still stop it.
/// </summary>
internal sealed partial class PostgresMigrationService(
    PostgresMigrator migrator,
    NpgsqlDataSource dataSource,
    PostgresAvailability availability,
    IOptions<PostgresStoreOptions> options,
    TimeProvider time,
    ILogger<PostgresMigrationService> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!await TryPrepareAsync(attempt: 1, options.Value.MigrationRetryDelay, cancellationToken))
        {
            await base.StartAsync(cancellationToken); // retries in ExecuteAsync, while the app serves 503s
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = options.Value.MigrationRetryDelay;
        for (var attempt = 2; ; attempt++)
        {
            await Task.Delay(delay, time, stoppingToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.Value.MigrationRetryMaxDelay.Ticks));
            if (await TryPrepareAsync(attempt, delay, stoppingToken))
            {
                return;
            }
        }
    }

    private async Task<bool> TryPrepareAsync(int attempt, TimeSpan nextDelay, CancellationToken cancellationToken)
    {
        try
        {
            if (options.Value.MigrateOnStartup)
            {
                await migrator.MigrateAsync(cancellationToken);
            }
            else
            {
                // A command, not just an open: on a multiplexing data source opening reaches no server.
                await using var command = dataSource.CreateCommand("SELECT 1");
                await command.ExecuteScalarAsync(cancellationToken);
            }
        }
        catch (Exception ex) when (PostgresAvailability.IsUnavailable(ex) && !cancellationToken.IsCancellationRequested)
        {
            availability.MarkWaiting(ex);
            // The message only: the same stack trace on every attempt of a long outage says nothing new.
            LogUnavailable(logger, attempt, ex.Message, nextDelay.TotalSeconds);
            return false;
        }

        availability.MarkReady();
        if (attempt > 1)
        {
            LogReady(logger, attempt);
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database is unavailable at start-up (attempt {Attempt}: {Reason}); the app answers 503 and tries again in {Seconds:0.###}s.")]
    private static partial void LogUnavailable(ILogger logger, int attempt, string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "The database is ready after {Attempt} attempts; requests are served.")]
    private static partial void LogReady(ILogger logger, int attempt);
}
