namespace ChatKitApp.Reliability;

/// <summary>
/// A service the app depends on (the database) that can be away for a while. Its failures are
/// outages, answered <c>503 unavailable</c> with <c>Retry-After</c>, rather than bugs.
/// </summary>
public interface IOutageSource
{
    /// <summary>What is away, for messages ("database").</summary>
    string Name { get; }

    /// <summary>
    /// False until the service can be used at all (at start-up: not reached yet, migrations pending);
    /// meanwhile every request but the health check answers 503.
    /// </summary>
    bool IsReady { get; }

    /// <summary>Whether <paramref name="exception"/> (itself, not its inner exceptions) says the service cannot be reached.</summary>
    bool IsOutage(Exception exception);
}
