using ChatKitApp.Reliability;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace ChatKitApp.Hosting;

/// <summary>
/// The health endpoints an orchestrator probes: <c>/health/live</c> (the process answers: restart
/// it when this fails) and <c>/health/ready</c> (every check tagged <see cref="ReadyTag"/>: the
/// database reachable with its schema current, the model provider configured; send it traffic only
/// while this passes). <c>/healthz</c> is kept as an alias of ready for existing probes.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>The tag of the checks that must pass before the instance gets traffic.</summary>
    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // No checks at all: liveness must not fail because a dependency did, or an orchestrator
        // would restart every instance during a database outage, which no restart can fix.
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowBeforeReady();
        var ready = new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) };
        endpoints.MapHealthChecks("/health/ready", ready).AllowBeforeReady();
        endpoints.MapHealthChecks("/healthz", ready).AllowBeforeReady();
        return endpoints;
    }
}
