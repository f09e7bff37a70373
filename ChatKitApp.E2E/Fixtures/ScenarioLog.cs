using System.Collections.Concurrent;
using ChatKitApp.ChatKit.Protocol;

namespace ChatKitApp.E2E.Fixtures;

/// <summary>What the scripted responder saw, for tests to assert on and wait for.</summary>
public sealed class ScenarioLog
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _cancelled = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _cuts = new(StringComparer.Ordinal);

    public ConcurrentQueue<(string ThreadId, string? ItemId, ChatKitAction Action)> Actions { get; } = new();

    /// <summary>Counts responses to one user message (first, then retries) and returns the new count.</summary>
    public int CountAttempt(string userMessageId) => _attempts.AddOrUpdate(userMessageId, 1, (_, n) => n + 1);

    public void MarkCancelled(string threadId) => Cancellation(threadId).TrySetResult();

    /// <summary>Completes once the server has handled the client's abort of a stream in the thread.</summary>
    public Task WhenCancelledAsync(string threadId) => Cancellation(threadId).Task.WaitAsync(TimeSpan.FromSeconds(15));

    /// <summary>Lets the <c>die</c> scenario of the thread cut its connection (it waits after its first words).</summary>
    public void Cut(string threadId) => CutGate(threadId).TrySetResult();

    /// <summary>Completes once the test calls <see cref="Cut"/> for the thread.</summary>
    public Task WhenCutAsync(string threadId, CancellationToken cancellationToken) => CutGate(threadId).Task.WaitAsync(cancellationToken);

    private TaskCompletionSource CutGate(string threadId) =>
        _cuts.GetOrAdd(threadId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private TaskCompletionSource Cancellation(string threadId) =>
        _cancelled.GetOrAdd(threadId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
