using ChatKitApp.Reliability;
using Microsoft.Extensions.Options;

namespace ChatKitApp.Attachments;

/// <summary>
/// Deletes uploads never sent in a message once they are older than
/// <see cref="AttachmentOptions.UnattachedRetention"/>, every <see cref="AttachmentOptions.SweepInterval"/>
/// (<see cref="IAttachmentExpiry"/> does the deleting; on PostgreSQL one instance at a time, and
/// <see cref="IJobSchedule"/> lets one instance per interval sweep).
/// </summary>
public sealed partial class UnattachedAttachmentSweeper(
    IAttachmentExpiry expiry,
    IJobSchedule schedule,
    IOptions<AttachmentOptions> options,
    TimeProvider time,
    ILogger<UnattachedAttachmentSweeper> logger) : PeriodicService(time)
{
    /// <summary>The sweep's name in the shared <see cref="IJobSchedule"/>.</summary>
    public const string JobName = "attachment_expiry";

    /// <summary>One sweep now: the number deleted, or null when another instance was sweeping.</summary>
    public async Task<int?> SweepAsync(CancellationToken cancellationToken)
    {
        var deleted = await expiry.DeleteUnattachedAsync(Time.GetUtcNow() - options.Value.UnattachedRetention, cancellationToken);
        if (deleted is null)
        {
            LogSkipped(logger);
        }
        else if (deleted > 0)
        {
            LogDeleted(logger, deleted.Value);
        }

        return deleted;
    }

    // The first sweep comes one interval after start-up, not at once: instances that a deploy
    // starts together do not all sweep together, and a crash loop does not sweep on every start.
    protected override TimeSpan Period => options.Value.SweepInterval;

    protected override async Task TickAsync(CancellationToken stoppingToken)
    {
        if (await schedule.TryClaimAsync(JobName, options.Value.SweepInterval, stoppingToken))
        {
            await SweepAsync(stoppingToken);
        }
    }

    // A database that is briefly away must not stop the app; the next interval tries again.
    protected override void OnTickFailed(Exception exception) => LogFailed(logger, exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} uploads that were never sent in a message.")]
    private static partial void LogDeleted(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Another instance is deleting unsent uploads; this one skips the sweep.")]
    private static partial void LogSkipped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting unsent uploads failed; the next sweep tries again.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
