using ChatKitApp.Agents.Runs;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.Tests.Agents.Turn;
using ChatKitApp.Tests.Fixtures;
using Microsoft.Agents.AI.Workflows;

namespace ChatKitApp.Tests.Agents.Runs;

/// <summary>Handoffs between configured agents (the framework's handoff workflow) against the fake OpenAI server.</summary>
public sealed class HandoffTests
{
    private const string TriageInstructions = "You are the triage agent.";
    private const string BillingInstructions = "You are the billing specialist.";

    private static readonly Dictionary<string, string?> TwoAgents = new()
    {
        ["ChatKit:Agents:Default"] = "triage",
        ["ChatKit:Agents:Items:0:Name"] = "triage",
        ["ChatKit:Agents:Items:0:Instructions"] = TriageInstructions,
        ["ChatKit:Agents:Items:0:HandoffsTo:0"] = "billing",
        ["ChatKit:Agents:Items:1:Name"] = "billing",
        ["ChatKit:Agents:Items:1:Description"] = "Answers questions about invoices and payments.",
        ["ChatKit:Agents:Items:1:Instructions"] = BillingInstructions,
    };

    [Fact]
    public async Task Handoff_shows_a_task_and_the_specialist_answers_in_the_same_turn()
    {
        await using var harness = await AgentHarness.StartAsync(TwoAgents);
        harness.Fake!.Enqueue(
            FakeReply.ToolCall("call_handoff", HandoffWorkflowBuilder.FunctionPrefix + "1", "{}"),
            FakeReply.Text("Billing here: your invoice is paid."));

        var events = await harness.CreateThreadAsync("Was my invoice paid?");

        var requests = harness.Fake.QueuedRequests;
        Assert.Equal(2, requests.Count);
        Assert.Contains(TriageInstructions, requests[0].AllInstructions);
        Assert.Contains(HandoffWorkflowBuilder.FunctionPrefix + "1", requests[0].ToolNames);
        Assert.Contains(BillingInstructions, requests[1].AllInstructions);
        Assert.DoesNotContain(TriageInstructions, requests[1].AllInstructions);

        var handoff = events.OfType<ThreadItemDoneEvent>().Select(d => d.Item).OfType<WorkflowItem>().Single();
        Assert.Equal("Handed off to billing", Assert.IsType<CustomTask>(handoff.Workflow.Tasks.Single()).Title);
        var reply = events.OfType<ThreadItemDoneEvent>().Select(d => d.Item).OfType<AssistantMessageItem>().Single();
        Assert.Equal("Billing here: your invoice is paid.", reply.Content.Single().Text);

        var threadId = OpenAIAgentTests.ThreadIdOf(events);
        var stored = await harness.ItemsAsync(threadId);
        Assert.Equal(["user_message", "workflow", "assistant_message"], stored.Select(ItemType));
    }

    [Fact]
    public async Task Next_turn_starts_with_the_agent_that_has_the_conversation()
    {
        await using var harness = await AgentHarness.StartAsync(TwoAgents);
        harness.Fake!.Enqueue(
            FakeReply.ToolCall("call_handoff", HandoffWorkflowBuilder.FunctionPrefix + "1", "{}"),
            FakeReply.Text("Billing here."),
            FakeReply.Text("Still billing."));

        var threadId = OpenAIAgentTests.ThreadIdOf(await harness.CreateThreadAsync("Was my invoice paid?"));
        var second = await harness.AddUserMessageAsync(threadId, "And the next one?");

        Assert.DoesNotContain(second, e => e is ErrorEvent);
        var request = harness.Fake.QueuedRequests[^1];
        Assert.Equal(3, harness.Fake.QueuedRequests.Count);
        Assert.Contains(BillingInstructions, request.AllInstructions);
        Assert.DoesNotContain(TriageInstructions, request.AllInstructions);
        Assert.DoesNotContain(second, e => e is ThreadItemDoneEvent { Item: WorkflowItem });
        Assert.Equal("Still billing.", second.OfType<ThreadItemDoneEvent>().Select(d => d.Item).OfType<AssistantMessageItem>().Single().Content.Single().Text);
        var thread = await harness.Store.LoadThreadAsync(threadId, harness.Context, CancellationToken.None);
        Assert.Equal("billing", ActiveAgent.Read(thread));
    }

    [Fact]
    public async Task Without_a_handoff_the_thread_stays_with_the_default_agent_and_its_replies_stay_assistant_messages()
    {
        await using var harness = await AgentHarness.StartAsync(TwoAgents);
        harness.Fake!.Enqueue(FakeReply.Text("Hello from triage."), FakeReply.Text("Triage again."));

        var events = await harness.CreateThreadAsync("Hi");
        var threadId = OpenAIAgentTests.ThreadIdOf(events);
        await harness.AddUserMessageAsync(threadId, "Still there?");

        Assert.All(harness.Fake.QueuedRequests, r => Assert.Contains(TriageInstructions, r.AllInstructions));
        Assert.DoesNotContain(events, e => e is ThreadItemDoneEvent { Item: WorkflowItem });
        var thread = await harness.Store.LoadThreadAsync(threadId, harness.Context, CancellationToken.None);
        Assert.Null(ActiveAgent.Read(thread));
        var earlierReply = harness.Fake.QueuedRequests[1].Messages.Single(m => FakeOpenAIRequest.TextOf(m!["content"]) == "Hello from triage.")!;
        Assert.Equal("assistant", earlierReply["role"]!.GetValue<string>());
    }

    private static string ItemType(ThreadItem item) => item switch
    {
        UserMessageItem => "user_message",
        WorkflowItem => "workflow",
        AssistantMessageItem => "assistant_message",
        _ => item.GetType().Name,
    };
}
