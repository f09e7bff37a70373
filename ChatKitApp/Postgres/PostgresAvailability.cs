using ChatKitApp.Reliability;
using Npgsql;

namespace ChatKitApp.Postgres;

/// <summary>
/// The database as an <see cref="IOutageSource"/>: ready once <see cref="PostgresMigrationService"/>
/// has reached it and brought the schema up to date; an outage is a failure to reach it (sockets,
/// timeouts, an exhausted pool, a server shutting down or starting up, too many connections).
/// </summary>
public sealed class PostgresAvailability : IOutageSource
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile Exception? _lastFailure;

    public string Name => "database";

    public bool IsReady => _ready.Task.IsCompleted;

    /// <summary>Completes when the schema is current and requests are served.</summary>
    public Task Ready => _ready.Task;

    /// <summary>Why the last start-up attempt failed, while not ready.</summary>
    public Exception? LastFailure => _lastFailure;

    public bool IsOutage(Exception exception) => IsUnavailable(exception);

    internal void MarkReady()
    {
        _lastFailure = null;
        _ready.TrySetResult();
    }

    internal void MarkWaiting(Exception failure) => _lastFailure = failure;

    /// <summary>
    /// Connection-level failures only: a query error, a constraint or a serialization conflict is
    /// a bug or a race, not an outage, and keeps its 500 (and its stack trace in the log).
    /// </summary>
    internal static bool IsUnavailable(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal) // connection exception
            || postgres.SqlState.StartsWith("53", StringComparison.Ordinal) // insufficient resources: too many connections, disk full
            || postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow,
        // Npgsql's own errors are transient when a socket, a timeout or the pool (waiting for a free connection) failed.
        NpgsqlException npgsql => npgsql.IsTransient,
        _ => false,
    };
}
