using ChatKitApp.Agents.Runs;
using ChatKitApp.Agents.Tools;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.Tests.Fixtures;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace ChatKitApp.Tests.Agents.Runs;

/// <summary>An integrator's own Agent Framework agent, plugged in with one call.</summary>
public sealed class PluggedAgentTests
{
    [Fact]
    public async Task AddChatKitAgent_runs_the_integrators_agent_with_the_turns_tools()
    {
        const string Instructions = "You are the integrator's agent.";
        await using var harness = await AgentHarness.StartAsync(configure: services =>
            services.AddChatKitAgent(sp => sp.GetRequiredService<IChatClient>().AsAIAgent(instructions: Instructions, name: "custom")));
        harness.Fake!.Enqueue(
            FakeReply.ToolCall("call_time", CurrentTimeTool.ToolName, "{}"),
            FakeReply.Text("It is late."));

        var events = await harness.CreateThreadAsync("What time is it?");

        var request = harness.Fake.QueuedRequests[0];
        Assert.Contains(Instructions, request.AllInstructions);
        Assert.Contains(CurrentTimeTool.ToolName, request.ToolNames);
        Assert.Contains(ClientToolRegistry.SetTheme, request.ToolNames);
        Assert.Contains(events, e => e is ThreadItemDoneEvent { Item: WorkflowItem });
        var reply = events.OfType<ThreadItemDoneEvent>().Select(d => d.Item).OfType<AssistantMessageItem>().Single();
        Assert.Equal("It is late.", reply.Content.Single().Text);
        Assert.StartsWith("msg_", reply.Id);
    }
}
