using ChatKitApp.Agents.Guardrails;
using ChatKitApp.Agents.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace ChatKitApp.E2E.Fixtures;

/// <summary>The app with the agents-demo launch profile's agents (assistant hands off to specialist) and a blocked term, on the demo model.</summary>
public sealed class AgentsBrowserFixture() : BrowserFixture(services =>
{
    services.PostConfigure<ChatKitAgentOptions>(options =>
    {
        options.Default = "assistant";
        options.Items = [new AgentDefinition { Name = "assistant", HandoffsTo = ["specialist"] }, new AgentDefinition { Name = "specialist" }];
    });
    services.PostConfigure<GuardrailOptions>(options => options.BlockedTerms = ["forbidden"]);
});
