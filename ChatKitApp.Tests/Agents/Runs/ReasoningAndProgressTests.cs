using ChatKitApp.Agents.Tools;
using ChatKitApp.Agents.Turn;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.Tests.Fixtures;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatKitApp.Tests.Agents.Runs;

/// <summary>Reasoning summaries as thought tasks (Responses API fake) and progress updates while a slow tool runs.</summary>
public sealed class ReasoningAndProgressTests
{
    private static readonly Dictionary<string, string?> Responses = new()
    {
        ["ChatKit:Model:Api"] = "Responses",
        ["ChatKit:Model:GenerateTitles"] = "false", // a Responses title request would not match the fake's title rule
    };

    [Fact]
    public async Task Reasoning_summary_streams_as_a_thought_task_that_completes_with_its_duration()
    {
        await using var harness = await AgentHarness.StartAsync(Responses);
        harness.Fake!.Enqueue(FakeReply.Text("The answer.") with { Reasoning = ["Weighing ", "the options."] });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var events = await harness.RunAsync(ChatKitRequestJson.CreateThread("Think about it"), timeout.Token, e =>
        {
            if (e is ThreadItemUpdatedEvent { Update: WorkflowTaskAdded })
            {
                harness.Time.Now += TimeSpan.FromSeconds(3); // the model thinks for three seconds
            }
        });

        Assert.EndsWith("/responses", harness.Fake.QueuedRequests.Single().Path, StringComparison.Ordinal);
        var thinking = Assert.IsType<ThoughtTask>(events.OfType<ThreadItemUpdatedEvent>().Select(u => u.Update).OfType<WorkflowTaskAdded>().Single().Task);
        Assert.Equal(TaskStatusIndicator.Loading, thinking.StatusIndicator);
        var workflow = events.OfType<ThreadItemDoneEvent>().Select(d => d.Item).OfType<WorkflowItem>().Single();
        Assert.Equal(WorkflowType.Reasoning, workflow.Workflow.Type);
        var thought = Assert.IsType<ThoughtTask>(workflow.Workflow.Tasks.Single());
        Assert.Equal("Weighing the options.", thought.Content);
        Assert.Equal(TaskStatusIndicator.Complete, thought.StatusIndicator);
        Assert.Equal(3, workflow.Workflow.Summary!.Duration);
        var doneIndex = events.FindIndex(e => e is ThreadItemDoneEvent { Item: WorkflowItem });
        Assert.True(doneIndex < events.FindIndex(e => e is ThreadItemAddedEvent { Item: AssistantMessageItem }), "the thought ends before the reply starts");
        Assert.Equal("The answer.", events.OfType<ThreadItemDoneEvent>().Select(d => d.Item).OfType<AssistantMessageItem>().Single().Content.Single().Text);
    }

    [Fact]
    public async Task A_thought_shorter_than_a_second_never_shows_zero_seconds()
    {
        await using var harness = await AgentHarness.StartAsync(Responses);
        harness.Fake!.Enqueue(FakeReply.Text("Quick.") with { Reasoning = ["Easy."] });

        var events = await harness.CreateThreadAsync("Quick one");

        var workflow = events.OfType<ThreadItemDoneEvent>().Select(d => d.Item).OfType<WorkflowItem>().Single().Workflow;
        Assert.Equal("Easy.", Assert.IsType<ThoughtTask>(workflow.Tasks.Single()).Content);
        Assert.Null(workflow.Summary); // the element shows the thought, not "Thought for 0s"
    }

    [Fact]
    public async Task A_tool_running_longer_than_a_second_sends_progress_updates()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 14, 15, 9, 26, TimeSpan.Zero));
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var harness = await AgentHarness.StartAsync(configure: services =>
        {
            services.AddSingleton<TimeProvider>(time);
            services.AddSingleton<IServerTool>(new SlowTool(time, release.Task));
        });
        harness.Fake!.Enqueue(FakeReply.ToolCall("call_slow", SlowTool.ToolName, "{}"), FakeReply.Text("Found it."));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        // The tool holds until the user has seen progress: the update can only come from the running tool.
        var events = await harness.RunAsync(ChatKitRequestJson.CreateThread("Look it up"), timeout.Token, e =>
        {
            if (e is ProgressUpdateEvent)
            {
                release.TrySetResult();
            }
        });

        var progress = events.OfType<ProgressUpdateEvent>().Single();
        Assert.Equal("Looking it up…", progress.Text);
        Assert.Equal("search", progress.Icon);
        var index = events.IndexOf(progress);
        Assert.True(events.FindIndex(e => e is ThreadItemUpdatedEvent { Update: WorkflowTaskAdded }) < index);
        Assert.True(index < events.FindIndex(e => e is ThreadItemUpdatedEvent { Update: WorkflowTaskUpdated }));
        Assert.Equal("Found it.", events.OfType<ThreadItemDoneEvent>().Select(d => d.Item).OfType<AssistantMessageItem>().Single().Content.Single().Text);
    }

    [Fact]
    public async Task A_quick_tool_sends_no_progress_and_its_workflow_never_shows_zero_seconds()
    {
        await using var harness = await AgentHarness.StartAsync();
        harness.Fake!.Enqueue(FakeReply.ToolCall("call_time", CurrentTimeTool.ToolName, "{}"), FakeReply.Text("Now."));

        var events = await harness.CreateThreadAsync("Time?");

        Assert.DoesNotContain(events, e => e is ProgressUpdateEvent);
        Assert.Null(events.OfType<ThreadItemDoneEvent>().Select(d => d.Item).OfType<WorkflowItem>().Single().Workflow.Summary);
    }

    /// <summary>A tool that moves the app's clock past the progress interval, then waits for the test.</summary>
    private sealed class SlowTool(FakeTimeProvider time, Task release) : IServerTool
    {
        public const string ToolName = "slow_lookup";

        public string Name => ToolName;

        public string Title => "Looking it up";

        public string Icon => "search";

        public AIFunction CreateFunction(AgentTurn turn) => AIFunctionFactory.Create(
            async () =>
            {
                time.Advance(TimeSpan.FromSeconds(1.5));
                await release;
                return "found";
            },
            new AIFunctionFactoryOptions { Name = ToolName, Description = "Looks something up, slowly." });
    }
}
