using Microsoft.Extensions.Options;

namespace ChatKitApp.Limits;

/// <summary>
/// Every third of <see cref="RateLimitOptions.StreamSlotLease"/>, renews this instance's open stream
/// slots in the shared store (<see cref="SharedStreamGate.HeartbeatAsync"/>), so a stream that
/// outlasts the lease keeps its slot while a crashed instance's slots lapse.
/// </summary>
public sealed partial class SharedStreamSlotRenewer(
    SharedStreamGate gate,
    IOptions<RateLimitOptions> options,
    TimeProvider time,
    ILogger<SharedStreamSlotRenewer> logger) : BackgroundService
{
    private PeriodicTimer? _timer;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Here, not in ExecuteAsync, which runs later on a pool thread: the first period counts from start-up.
        _timer = new PeriodicTimer(options.Value.StreamSlotLease / 3, time);
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var timer = _timer ?? throw new InvalidOperationException("ExecuteAsync runs only after StartAsync.");
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await gate.HeartbeatAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // Two more tries before the slots lapse; a store that is briefly away must not stop the app.
                    LogFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing this instance's stream slots in the shared limits store failed; the next tick tries again.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
