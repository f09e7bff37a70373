using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace ChatKitApp.Tests.Fixtures;

/// <summary>Keeps every log entry of an app (add it as an <see cref="ILoggerProvider"/> service), for tests about what gets logged.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    /// <summary>
    /// One entry: the rendered message, the exception it carried and the trace it was logged in (the
    /// current activity's trace id, which every logger, OpenTelemetry's included, stamps on its records).
    /// </summary>
    public sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception, string? TraceId = null)
    {
        public override string ToString() => $"{Level} {Category}: {Message}{(Exception is null ? "" : " | " + Exception.GetType().Name + ": " + Exception.Message)}";
    }

    private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception), exception, Activity.Current?.TraceId.ToHexString()));
    }
}
