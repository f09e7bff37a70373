namespace ChatKitApp.Agents.Runs;

/// <summary>
/// While a server tool runs the model stream is silent; the turn sends a <c>progress_update</c> after
/// each <see cref="Interval"/> without an update, so a slow tool shows it is still working.
/// </summary>
public static class ToolProgress
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>Waits for <paramref name="next"/> or <paramref name="tick"/>, whichever is first; true when <paramref name="next"/> is done.</summary>
    public static async Task<bool> WaitAsync(Task next, Task tick)
    {
        await Task.WhenAny(next, tick);
        return next.IsCompleted;
    }
}
