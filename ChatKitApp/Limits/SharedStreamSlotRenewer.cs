using ChatKitApp.Reliability;
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
    ILogger<SharedStreamSlotRenewer> logger) : PeriodicService(time)
{
    protected override TimeSpan Period => options.Value.StreamSlotLease / 3;

    protected override Task TickAsync(CancellationToken stoppingToken) => gate.HeartbeatAsync(stoppingToken);

    // Two more tries before the slots lapse.
    protected override void OnTickFailed(Exception exception) => LogFailed(logger, exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing this instance's stream slots in the shared limits store failed; the next tick tries again.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
