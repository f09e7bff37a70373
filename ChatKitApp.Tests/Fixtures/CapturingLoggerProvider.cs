using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ChatKitApp.Tests.Fixtures;

/// <summary>Keeps every log entry at <see cref="LogLevel.Error"/> or above, from any category, for tests that assert there are none.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _errors = new();

    public IReadOnlyCollection<string> Errors => _errors;

    /// <summary>Forgets what was logged so far (start-up), so only what follows counts.</summary>
    public void Clear() => _errors.Clear();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _errors);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> errors) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                errors.Enqueue($"{logLevel} {category}[{eventId}]: {formatter(state, exception)} {exception}");
            }
        }
    }
}
