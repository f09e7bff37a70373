using System.Text.Json.Nodes;
using ChatKitApp.Agents.Models;
using ChatKitApp.Agents.Turn;
using ChatKitApp.Articles;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.Components.Chat;
using ChatKitApp.Tests.Fixtures;

namespace ChatKitApp.Tests.Agents.Turn;

/// <summary>The composer's tool menu and model picker, as the provider sees them.</summary>
public sealed class ComposerOptionsTests
{
    [Fact]
    public async Task Tool_choice_forces_the_tool_in_the_first_call_only_so_the_model_can_answer_after_it()
    {
        await using var harness = await AgentHarness.StartAsync();
        harness.Fake!.Enqueue(
            FakeReply.ToolCall("call_1", ArticleSearchTool.ToolName, """{"query":"streaming"}"""),
            FakeReply.Text("Found it."));

        var events = await harness.CreateThreadWithOptionsAsync("tell me", new JsonObject { ["tool_choice"] = new JsonObject { ["id"] = ArticleSearchTool.ToolName } });

        var turn = harness.Fake.Requests.Where(r => !r.SystemPrompt.StartsWith(ThreadTitleGenerator.Instructions, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, turn.Count);
        Assert.Equal(ArticleSearchTool.ToolName, turn[0].Body["tool_choice"]?["function"]?["name"]?.GetValue<string>());
        Assert.IsNotType<JsonObject>(turn[1].Body["tool_choice"]); // "auto" or absent: no loop of forced calls
        Assert.Contains("Found it.", events.OfType<ThreadItemDoneEvent>().Select(d => d.Item).OfType<AssistantMessageItem>().Single().Content.Single().Text);
    }

    [Fact]
    public async Task Model_from_the_allow_list_is_sent_to_the_provider()
    {
        await using var harness = await AgentHarness.StartAsync(new Dictionary<string, string?>
        {
            ["ChatKit:Model:Choices:0:Id"] = "fake-model-large",
            ["ChatKit:Model:Choices:0:Label"] = "Large",
        });
        harness.Fake!.Enqueue(FakeReply.Text("Hi."));

        await harness.CreateThreadWithOptionsAsync("hello", new JsonObject { ["model"] = "fake-model-large" });

        var turn = harness.Fake.Requests.Single(r => !r.SystemPrompt.StartsWith(ThreadTitleGenerator.Instructions, StringComparison.Ordinal));
        Assert.Equal("fake-model-large", turn.Body["model"]!.GetValue<string>());
    }

    [Fact]
    public async Task Default_model_is_always_allowed_and_the_picker_lists_it_first()
    {
        var options = new ChatModelOptions { Model = "a", Choices = [new ModelChoice { Id = "b", Label = "B" }] };

        Assert.Equal(["a", "b"], options.AllowedModels);
        var composer = ChatPageOptions.WithModels(ChatPageOptions.FullPage, options).Composer!;
        Assert.Equal([("a", true), ("b", false)], composer.Models!.Select(m => (m.Id, m.Default ?? false)));
        Assert.NotEmpty(composer.Tools!);
        Assert.Same(ChatPageOptions.FullPage, ChatPageOptions.WithModels(ChatPageOptions.FullPage, new ChatModelOptions()));
    }

    [Fact]
    public void Picker_entry_of_the_default_model_carries_its_configured_description()
    {
        var options = new ChatModelOptions
        {
            Model = "a",
            Choices = [new ModelChoice { Id = "a", Label = "A", Description = "Fast" }, new ModelChoice { Id = "b", Label = "B", Description = "Slow" }],
        };

        var models = ChatPageOptions.WithModels(ChatPageOptions.FullPage, options).Composer!.Models!;

        Assert.Equal([("A", "Fast"), ("B", "Slow")], models.Select(m => (m.Label, m.Description)));
    }
}
