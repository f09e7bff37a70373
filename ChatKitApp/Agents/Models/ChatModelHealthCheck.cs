using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ChatKitApp.Agents.Models;

/// <summary>
/// Ready only while the model provider's configuration is complete (the same rules as at start-up,
/// <see cref="ChatModelOptionsValidator"/>), on the current configuration: a reloaded setting that
/// breaks it takes the instance out of traffic instead of failing every chat.
/// </summary>
internal sealed class ChatModelHealthCheck(IOptionsMonitor<ChatModelOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var current = options.CurrentValue;
        var result = new ChatModelOptionsValidator().Validate(Options.DefaultName, current);
        return Task.FromResult(result.Failed
            ? new HealthCheckResult(context.Registration.FailureStatus, $"The model provider is not configured: {result.FailureMessage}")
            : HealthCheckResult.Healthy($"Model provider {current.EffectiveProvider}, model {current.Model}."));
    }
}
