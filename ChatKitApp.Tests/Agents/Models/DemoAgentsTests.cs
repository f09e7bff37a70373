using ChatKitApp.Agents.Runs;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.Tests.Agents.Turn;
using ChatKitApp.Tests.Fixtures;

namespace ChatKitApp.Tests.Agents.Models;

/// <summary>The demo model shows a handoff and a guardrail offline, with the agents-demo launch profile's settings.</summary>
public sealed class DemoAgentsTests
{
    private static readonly Dictionary<string, string?> AgentsDemo = new()
    {
        ["ChatKit:Agents:Items:0:Name"] = "assistant",
        ["ChatKit:Agents:Items:0:HandoffsTo:0"] = "specialist",
        ["ChatKit:Agents:Items:1:Name"] = "specialist",
        ["ChatKit:Guardrails:BlockedTerms:0"] = "forbidden",
    };

    [Fact]
    public async Task Demo_model_hands_off_when_the_message_names_the_agent()
    {
        await using var harness = AgentHarness.StartDemo(AgentsDemo);

        var events = await harness.CreateThreadAsync("Please hand me to the specialist");

        var handoff = events.OfType<ThreadItemDoneEvent>().Select(d => d.Item).OfType<WorkflowItem>().Single();
        Assert.Equal("Handed off to specialist", handoff.Workflow.Summary!.Title);
        Assert.NotNull(events.OfType<ThreadItemDoneEvent>().Select(d => d.Item).OfType<AssistantMessageItem>().SingleOrDefault());
        var thread = await harness.Store.LoadThreadAsync(OpenAIAgentTests.ThreadIdOf(events), harness.Context, CancellationToken.None);
        Assert.Equal("specialist", ActiveAgent.Read(thread));
    }

    [Fact]
    public async Task Demo_model_without_a_named_agent_answers_itself()
    {
        await using var harness = AgentHarness.StartDemo(AgentsDemo);

        var events = await harness.CreateThreadAsync("Hello there");

        Assert.DoesNotContain(events, e => e is ThreadItemDoneEvent { Item: WorkflowItem });
        Assert.Single(events.OfType<ThreadItemDoneEvent>().Select(d => d.Item).OfType<AssistantMessageItem>());
    }

    [Fact]
    public async Task Demo_blocked_term_shows_the_guardrail_message()
    {
        await using var harness = AgentHarness.StartDemo(AgentsDemo);

        var events = await harness.CreateThreadAsync("Tell me something forbidden");

        Assert.Contains("blocked term", events.OfType<ErrorEvent>().Single().Message, StringComparison.Ordinal);
        Assert.DoesNotContain(events, e => e is ThreadItemAddedEvent { Item: AssistantMessageItem });
    }
}
