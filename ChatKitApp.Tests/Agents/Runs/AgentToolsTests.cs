using System.Text.Json.Nodes;
using ChatKitApp.Agents.Tools;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.Tests.Agents.Turn;
using ChatKitApp.Tests.Fixtures;

namespace ChatKitApp.Tests.Agents.Runs;

/// <summary>An agent's own tool list (<c>ChatKit:Agents:Items:N:Tools</c>) against the fake OpenAI server.</summary>
public sealed class AgentToolsTests
{
    private const string Instructions = "You only tell the time.";

    private static readonly Dictionary<string, string?> ClockAgent = new()
    {
        ["ChatKit:Agents:Default"] = "clock",
        ["ChatKit:Agents:Items:0:Name"] = "clock",
        ["ChatKit:Agents:Items:0:Instructions"] = Instructions,
        ["ChatKit:Agents:Items:0:Tools:0"] = CurrentTimeTool.ToolName,
    };

    [Fact]
    public async Task Agent_with_a_tool_list_offers_the_model_only_those_tools_on_every_turn()
    {
        await using var harness = await AgentHarness.StartAsync(ClockAgent);
        harness.Fake!.Enqueue(FakeReply.Text("It is noon."), FakeReply.Text("Still noon."));

        var threadId = OpenAIAgentTests.ThreadIdOf(await harness.CreateThreadAsync("What time is it?"));
        var second = await harness.AddUserMessageAsync(threadId, "And now?");

        Assert.DoesNotContain(second, e => e is ErrorEvent);
        Assert.Equal(2, harness.Fake.QueuedRequests.Count);
        Assert.All(harness.Fake.QueuedRequests, r =>
        {
            Assert.Equal([CurrentTimeTool.ToolName], r.ToolNames);
            Assert.Contains(Instructions, r.AllInstructions);
        });
    }

    [Fact]
    public async Task Composer_choice_of_a_tool_the_agent_lacks_leaves_the_model_free_to_answer()
    {
        await using var harness = await AgentHarness.StartAsync(ClockAgent);
        harness.Fake!.Enqueue(FakeReply.Text("I can only tell the time."));

        var events = await harness.CreateThreadWithOptionsAsync("Notify me", new JsonObject { ["tool_choice"] = new JsonObject { ["id"] = ToastTool.ToolName } });

        Assert.DoesNotContain(events, e => e is ErrorEvent);
        var request = Assert.Single(harness.Fake.QueuedRequests);
        Assert.Equal([CurrentTimeTool.ToolName], request.ToolNames);
        Assert.IsNotType<JsonObject>(request.Body["tool_choice"]); // "auto" or absent: no forced call of a tool it was not given
    }
}
