namespace ChatKitApp.Tests.Fixtures;

/// <summary>
/// A one-shot meeting point for forcing an interleaving: the code under test calls
/// <see cref="PassAsync"/> and stops there; the test awaits <see cref="Reached"/>, does what must
/// happen in between, then calls <see cref="Open"/>.
/// </summary>
public sealed class TestGate
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the code under test has arrived at the gate.</summary>
    public Task Reached => _reached.Task;

    public bool IsOpen => _opened.Task.IsCompleted;

    public void Open() => _opened.TrySetResult();

    public Task PassAsync()
    {
        _reached.TrySetResult();
        return _opened.Task;
    }
}
