namespace ChatKitApp.Postgres;

/// <summary>
/// Npgsql's log, less the outage noise: while the database is away Npgsql logs an Error with a
/// stack trace for every connection it fails to open and every one that breaks, i.e. for every
/// request. <see cref="Reliability.OutageLog"/> already reports the outage (the first failure with
/// its exception, then summaries), so those entries are demoted to Debug; every other entry passes
/// through as it is.
/// </summary>
internal sealed class OutageDemotingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new Logger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose()
    {
        // The app's logger factory belongs to the host.
    }

    private sealed class Logger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel > LogLevel.Debug && exception is not null && PostgresAvailability.IsUnavailable(exception))
            {
                logLevel = LogLevel.Debug;
                if (!inner.IsEnabled(logLevel))
                {
                    return;
                }
            }

            inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
