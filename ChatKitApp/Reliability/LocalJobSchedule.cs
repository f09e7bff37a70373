namespace ChatKitApp.Reliability;

/// <summary>The schedule of a single instance (the in-memory store): its own timer is the only one, so every tick runs.</summary>
public sealed class LocalJobSchedule : IJobSchedule
{
    public ValueTask<bool> TryClaimAsync(string job, TimeSpan period, CancellationToken cancellationToken) => ValueTask.FromResult(true);
}
