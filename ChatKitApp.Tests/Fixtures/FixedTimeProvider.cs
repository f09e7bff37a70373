namespace ChatKitApp.Tests.Fixtures;

/// <summary>A clock that says what the test sets; delays and timers still run in real time.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
