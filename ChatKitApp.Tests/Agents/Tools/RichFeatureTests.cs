using System.Text.Json.Nodes;
using ChatKitApp.Articles;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.Tests.Agents.Turn;
using ChatKitApp.Tests.Fixtures;

namespace ChatKitApp.Tests.Agents.Tools;

/// <summary>Widgets and actions, structured input, client effects, composer tools and models, through the demo model.</summary>
public sealed class RichFeatureTests
{
    private static IEnumerable<ThreadItem> Done(IEnumerable<ThreadStreamEvent> events) => events.OfType<ThreadItemDoneEvent>().Select(d => d.Item);

    private static async Task<(AgentHarness Harness, string ThreadId, WidgetItem Widget)> ShowCardAsync(string message = "show a widget about streaming")
    {
        var harness = AgentHarness.StartDemo();
        var events = await harness.CreateThreadAsync(message);
        var widget = Assert.Single(Done(events).OfType<WidgetItem>());
        return (harness, OpenAIAgentTests.ThreadIdOf(events), widget);
    }

    private static JsonObject ActionOf(WidgetItem widget, string buttonId) =>
        Find(widget.Widget, buttonId)?["onClickAction"]?.AsObject() ?? throw new InvalidOperationException($"No button '{buttonId}'.");

    private static JsonObject? Find(JsonNode? node, string id) => node switch
    {
        JsonObject o when o["id"]?.GetValue<string>() == id => o,
        JsonObject o => o.Select(p => Find(p.Value, id)).FirstOrDefault(f => f is not null),
        JsonArray a => a.Select(n => Find(n, id)).FirstOrDefault(f => f is not null),
        _ => null,
    };

    [Fact]
    public async Task Widget_keyword_runs_the_card_tool_which_shows_a_card_after_its_workflow_then_the_reply()
    {
        var (harness, threadId, widget) = await ShowCardAsync();
        await using var _ = harness;

        var stored = await harness.ItemsAsync(threadId);
        Assert.Equal(["user_message", "workflow", "widget", "assistant_message"], stored.Select(i => i.GetType().Name switch
        {
            nameof(UserMessageItem) => "user_message",
            nameof(WorkflowItem) => "workflow",
            nameof(WidgetItem) => "widget",
            nameof(AssistantMessageItem) => "assistant_message",
            var other => other,
        }));
        Assert.Equal("Card", widget.Widget["type"]!.GetValue<string>());
        Assert.Equal("Articles about \u201cstreaming\u201d", widget.Widget["children"]![0]!["value"]!.GetValue<string>()); // the trigger words are not the query
        Assert.Contains("Streaming with server-sent events", widget.Widget.ToJsonString());
        Assert.Contains("Streaming with server-sent events: /articles/streaming-with-server-sent-events", widget.CopyText);
        Assert.Equal("articles.pin", ActionOf(widget, "pin-streaming-with-server-sent-events")["type"]!.GetValue<string>());
        Assert.False(ActionOf(widget, "pin-streaming-with-server-sent-events")["streaming"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Sync_action_pins_an_article_returns_the_updated_widget_and_saves_it()
    {
        var (harness, threadId, widget) = await ShowCardAsync();
        await using var _ = harness;
        var action = ActionOf(widget, "pin-streaming-with-server-sent-events");

        var answer = await harness.JsonAsync("threads.sync_custom_action", new JsonObject
        {
            ["thread_id"] = threadId,
            ["item_id"] = widget.Id,
            ["action"] = new JsonObject { ["type"] = action["type"]!.DeepClone(), ["payload"] = action["payload"]!.DeepClone() },
        });

        var updated = answer["updated_item"]!;
        Assert.Equal(widget.Id, updated["id"]!.GetValue<string>());
        Assert.Equal("Unpin", Find(updated["widget"], "pin-streaming-with-server-sent-events")!["label"]!.GetValue<string>());
        Assert.Contains("\"Pinned\"", updated["widget"]!.ToJsonString());
        var stored = Assert.IsType<WidgetItem>(await harness.Store.LoadItemAsync(threadId, widget.Id, harness.Context, CancellationToken.None));
        Assert.True(JsonNode.DeepEquals(updated["widget"], stored.Widget), "the update survives a reload");
    }

    [Fact]
    public async Task Streaming_action_updates_the_widget_in_place_with_a_root_update_and_saves_it()
    {
        var (harness, threadId, widget) = await ShowCardAsync("show me a card about chatkit and server"); // four matches: more than the card first shows
        await using var _ = harness;
        var action = ActionOf(widget, "more");

        var events = await harness.RunAsync(ChatKitRequestJson.Request("threads.custom_action", new JsonObject
        {
            ["thread_id"] = threadId,
            ["item_id"] = widget.Id,
            ["action"] = action.DeepClone(),
        }), CancellationToken.None);

        Assert.IsType<StreamOptionsEvent>(events[0]);
        var updated = Assert.IsType<ThreadItemUpdatedEvent>(Assert.Single(events.Skip(1)));
        Assert.Equal(widget.Id, updated.ItemId);
        var root = Assert.IsType<WidgetRootUpdated>(updated.Update);
        Assert.True(root.Widget.ToJsonString().Length > widget.Widget.ToJsonString().Length, "shows more articles");
        var stored = Assert.IsType<WidgetItem>(await harness.Store.LoadItemAsync(threadId, widget.Id, harness.Context, CancellationToken.None));
        Assert.True(JsonNode.DeepEquals(root.Widget, stored.Widget));
    }

    [Fact]
    public async Task Unknown_action_types_are_refused_by_both_action_routes()
    {
        var (harness, threadId, widget) = await ShowCardAsync("show me a card about chatkit and server");
        await using var _ = harness;
        var parameters = new JsonObject { ["thread_id"] = threadId, ["item_id"] = widget.Id, ["action"] = new JsonObject { ["type"] = "nope" } };

        var ex = await Assert.ThrowsAsync<ChatKitRequestException>(() => harness.JsonAsync("threads.sync_custom_action", (JsonObject)parameters.DeepClone()));
        Assert.Equal(400, ex.StatusCode);
        var events = await harness.RunAsync(ChatKitRequestJson.Request("threads.custom_action", parameters), CancellationToken.None);
        Assert.Contains("not supported", Assert.IsType<ErrorEvent>(events[^1]).Message);
        var withoutSender = await Assert.ThrowsAsync<ChatKitRequestException>(() => harness.JsonAsync("threads.sync_custom_action", new JsonObject
        {
            ["thread_id"] = threadId,
            ["action"] = ActionOf(widget, "more").DeepClone(),
        }));
        Assert.Contains("item_id", withoutSender.Message);
    }

    [Fact]
    public async Task Quiz_asks_a_pending_multiple_choice_question_and_the_answer_resumes_the_turn()
    {
        await using var harness = AgentHarness.StartDemo();
        var events = await harness.CreateThreadAsync("quiz me");
        var threadId = OpenAIAgentTests.ThreadIdOf(events);

        var question = Assert.IsType<StructuredInputItem>(Done(events).Last());
        Assert.Equal(StructuredInputStatus.Pending, question.Status);
        var input = Assert.IsType<MultipleChoiceInput>(Assert.Single(question.Inputs));
        Assert.Equal(["Streaming", "Storage", "Widgets"], input.Options.Select(o => o.Value));
        Assert.DoesNotContain(Done(events), i => i is AssistantMessageItem); // the model waits for the answer

        var resumed = await harness.RunAsync(ChatKitRequestJson.Request("threads.add_structured_input", new JsonObject
        {
            ["thread_id"] = threadId,
            ["item_id"] = question.Id,
            ["input"] = new JsonObject { ["answers"] = new JsonObject { [input.Id] = new JsonObject { ["values"] = new JsonArray("Storage") } } },
        }), CancellationToken.None);

        var answered = Assert.IsType<StructuredInputItem>(resumed.OfType<ThreadItemReplacedEvent>().Single().Item);
        Assert.Equal(StructuredInputStatus.Answered, answered.Status);
        Assert.Contains("You chose **Storage**", Done(resumed).OfType<AssistantMessageItem>().Single().Content.Single().Text);
    }

    [Fact]
    public async Task Toast_sends_a_client_effect_and_stores_nothing_for_it()
    {
        await using var harness = AgentHarness.StartDemo();

        var events = await harness.CreateThreadAsync("toast please");

        var effect = Assert.Single(events.OfType<ClientEffectEvent>());
        Assert.Equal(("toast", "Hello from the demo model!", "success"), (effect.Name, effect.Data["message"]!.GetValue<string>(), effect.Data["kind"]!.GetValue<string>()));
        Assert.Contains("I sent you a notification", Done(events).OfType<AssistantMessageItem>().Single().Content.Single().Text);
    }

    [Fact]
    public async Task Composer_tool_choice_forces_that_tool_even_without_its_keyword()
    {
        await using var harness = AgentHarness.StartDemo();

        var events = await harness.CreateThreadWithOptionsAsync("streaming", new JsonObject { ["tool_choice"] = new JsonObject { ["id"] = ArticleCardTool.ToolName } });

        Assert.Single(Done(events).OfType<WidgetItem>());
    }

    [Fact]
    public async Task Unknown_tool_choice_or_model_is_a_400_before_anything_is_stored()
    {
        await using var harness = AgentHarness.StartDemo();

        var tool = await Assert.ThrowsAsync<ChatKitRequestException>(() =>
            harness.CreateThreadWithOptionsAsync("hi", new JsonObject { ["tool_choice"] = new JsonObject { ["id"] = "rm_rf" } }));
        var model = await Assert.ThrowsAsync<ChatKitRequestException>(() =>
            harness.CreateThreadWithOptionsAsync("hi", new JsonObject { ["model"] = "gpt-9-secret" }));

        Assert.Equal((400, 400), (tool.StatusCode, model.StatusCode));
        Assert.Contains("rm_rf", tool.Message);
        Assert.Contains("gpt-9-secret", model.Message);
        Assert.Empty((await harness.Store.LoadThreadsAsync(10, null, SortOrder.Desc, harness.Context, CancellationToken.None)).Data);
    }

    [Fact]
    public async Task Tagged_article_reaches_the_model_and_comes_back_as_an_entity_source()
    {
        await using var harness = AgentHarness.StartDemo();
        var tag = new JsonObject
        {
            ["type"] = "input_tag",
            ["id"] = "what-is-chatkit",
            ["text"] = "What is ChatKit",
            ["data"] = new JsonObject { ["path"] = "/articles/what-is-chatkit" },
            ["interactive"] = true,
        };
        var input = new JsonObject
        {
            ["content"] = new JsonArray(new JsonObject { ["type"] = "input_text", ["text"] = "explain " }, tag),
            ["attachments"] = new JsonArray(),
            ["inference_options"] = new JsonObject(),
        };

        var events = await harness.RunAsync(ChatKitRequestJson.Request("threads.create", new JsonObject { ["input"] = input }), CancellationToken.None);

        var reply = Done(events).OfType<AssistantMessageItem>().Single().Content.Single();
        Assert.Contains("You mentioned **What is ChatKit**", reply.Text);
        var source = Assert.IsType<EntitySource>(Assert.Single(reply.Annotations).Source);
        Assert.Equal(("what-is-chatkit", "What is ChatKit", true), (source.Id, source.Title, source.Interactive));
        Assert.Equal("/articles/what-is-chatkit", source.Data["path"]!.GetValue<string>());
    }
}
