using System.Diagnostics;
using System.Text.Json.Nodes;
using ChatKitApp.Agents.Tools;
using ChatKitApp.Agents.Turn;
using ChatKitApp.Articles;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKitHost;
using ChatKitApp.Tests.Fixtures;

namespace ChatKitApp.Tests.Agents.Turn;

/// <summary>The model side through the real OpenAI SDK against a fake OpenAI-compatible server.</summary>
public sealed class OpenAIAgentTests
{
    private static readonly JsonObject PageMetadata = new()
    {
        ["page"] = new JsonObject
        {
            ["url"] = "http://127.0.0.1/articles/what-is-chatkit",
            ["path"] = "/articles/what-is-chatkit",
            ["title"] = "What is ChatKit",
            ["description"] = "An introduction",
            ["headings"] = new JsonArray("Overview", "The endpoint"),
            ["selection"] = "one JSON endpoint",
        },
        ["time_zone"] = "Europe/Paris",
    };

    [Fact]
    public async Task Request_carries_system_prompt_history_page_context_and_tools()
    {
        await using var harness = await AgentHarness.StartAsync();
        harness.Fake!.Enqueue(FakeReply.Text("Hi ", "there."), FakeReply.Text("Sure."));

        var threadId = ThreadIdOf(await harness.CreateThreadAsync("Hello"));
        await harness.AddUserMessageAsync(threadId, "What does this page say?", PageMetadata);

        var request = harness.Fake.QueuedRequests[^1];
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("Bearer sk-test", request.Authorization);
        Assert.Equal("fake-model", request.Body["model"]!.GetValue<string>());
        Assert.True(request.IsStreaming);

        var roles = request.Messages.Select(m => m!["role"]!.GetValue<string>()).ToList();
        var texts = request.Messages.Select(m => FakeOpenAIRequest.TextOf(m!["content"])).ToList();
        Assert.Equal(["system", "user", "assistant", "user"], roles);
        Assert.Equal(["Hello", "Hi there.", "What does this page say?"], texts[1..]);

        var system = request.SystemPrompt;
        Assert.Contains("ChatKitApp", system);
        Assert.Contains("user id: user-1", system);
        Assert.Contains("locale: en-GB", system);
        Assert.Contains("time zone: Europe/Paris", system);
        Assert.Contains("untrusted data", system);
        Assert.Contains(SystemPromptBuilder.PageContextStart, system);
        Assert.Contains("\"title\":\"What is ChatKit\"", system);
        Assert.Contains("\"headings\":[\"Overview\",\"The endpoint\"]", system);
        Assert.Contains("\"selection\":\"one JSON endpoint\"", system);

        Assert.Equal(
            [AskQuestionTool.ToolName, CurrentTimeTool.ToolName, ClientToolRegistry.GetPageContext, ArticleSearchTool.ToolName, ClientToolRegistry.SetTheme, ArticleCardTool.ToolName, ToastTool.ToolName],
            request.ToolNames.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task History_is_the_newest_items_oldest_first_within_the_budget()
    {
        await using var harness = await AgentHarness.StartAsync(new() { ["ChatKit:Model:HistoryItems"] = "3" });
        harness.Fake!.Enqueue(FakeReply.Text("one"), FakeReply.Text("two"), FakeReply.Text("three"));

        var threadId = ThreadIdOf(await harness.CreateThreadAsync("first"));
        await harness.AddUserMessageAsync(threadId, "second");
        await harness.AddUserMessageAsync(threadId, "third");

        var texts = harness.Fake.QueuedRequests[^1].Messages.Skip(1).Select(m => FakeOpenAIRequest.TextOf(m!["content"]));
        Assert.Equal(["second", "two", "third"], texts);
    }

    [Fact]
    public async Task Text_deltas_become_one_assistant_message_with_server_minted_id()
    {
        await using var harness = await AgentHarness.StartAsync();
        harness.Fake!.Enqueue(FakeReply.Text("Hel", "lo ", "world"));

        var events = await harness.CreateThreadAsync("Hi");

        var reply = events.SkipWhile(e => e is not ThreadItemAddedEvent).ToList();
        var added = Assert.IsType<ThreadItemAddedEvent>(reply[0]);
        var id = Assert.IsType<AssistantMessageItem>(added.Item).Id;
        Assert.StartsWith("msg_", id);
        Assert.Equal(0, Assert.IsType<AssistantMessageContentPartAdded>(Assert.IsType<ThreadItemUpdatedEvent>(reply[1]).Update).ContentIndex);
        Assert.Equal(["Hel", "lo ", "world"], reply.OfType<ThreadItemUpdatedEvent>().Select(u => u.Update).OfType<AssistantMessageContentPartTextDelta>().Select(d => d.Delta));
        Assert.Equal("Hello world", Assert.IsType<AssistantMessageContentPartDone>(reply.OfType<ThreadItemUpdatedEvent>().Last().Update).Content.Text);
        var done = Assert.IsType<AssistantMessageItem>(reply.OfType<ThreadItemDoneEvent>().Single().Item);
        Assert.Equal(id, done.Id);
        Assert.Equal("Hello world", done.Content.Single().Text);
        Assert.All(reply.OfType<ThreadItemUpdatedEvent>(), u => Assert.Equal(id, u.ItemId));

        var stored = await harness.ItemsAsync(ThreadIdOf(events));
        Assert.Equal("Hello world", Assert.IsType<AssistantMessageItem>(stored[^1]).Content.Single().Text);
    }

    [Fact]
    public async Task Repeated_provider_ids_never_overwrite_earlier_replies()
    {
        await using var harness = await AgentHarness.StartAsync();
        harness.Fake!.Enqueue(FakeReply.Text("First answer."), FakeReply.Text("Second answer."), FakeReply.Text("Third answer."));

        var threadId = ThreadIdOf(await harness.CreateThreadAsync("one"));
        await harness.AddUserMessageAsync(threadId, "two");
        await harness.AddUserMessageAsync(threadId, "three");

        var replies = (await harness.ItemsAsync(threadId)).OfType<AssistantMessageItem>().ToList();
        Assert.Equal(["First answer.", "Second answer.", "Third answer."], replies.Select(r => r.Content.Single().Text));
        Assert.Equal(3, replies.Select(r => r.Id).Distinct().Count());
        Assert.DoesNotContain(replies, r => r.Id.Contains(FakeReply.RepeatedId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Server_tool_runs_in_the_loop_as_a_workflow_task_between_two_messages()
    {
        await using var harness = await AgentHarness.StartAsync();
        harness.Fake!.Enqueue(
            FakeReply.Text("Let me check.") with { ToolCalls = [("call_time", CurrentTimeTool.ToolName, "{}")] },
            FakeReply.Text("It is ten past four."));

        var events = await harness.CreateThreadAsync("What time is it?", PageMetadata);

        var kinds = events.SkipWhile(e => e is not ThreadItemAddedEvent).Select(Describe).Where(k => !k.Contains("text_delta", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                "added assistant_message", "assistant_message.content_part.added", "assistant_message.content_part.done", "done assistant_message",
                "added workflow", "workflow.task.added", "workflow.task.updated", "done workflow",
                "added assistant_message", "assistant_message.content_part.added", "assistant_message.content_part.done", "done assistant_message",
            ],
            kinds.Where(k => k != "thread.updated"));

        var loading = events.OfType<ThreadItemUpdatedEvent>().Select(u => u.Update).OfType<WorkflowTaskAdded>().Single();
        Assert.Equal(TaskStatusIndicator.Loading, loading.Task.StatusIndicator);
        Assert.Equal("Checking the time", loading.Task.Title);
        var complete = events.OfType<ThreadItemUpdatedEvent>().Select(u => u.Update).OfType<WorkflowTaskUpdated>().Single();
        Assert.Equal(TaskStatusIndicator.Complete, complete.Task.StatusIndicator);

        var messages = events.OfType<ThreadItemDoneEvent>().Select(d => d.Item).OfType<AssistantMessageItem>().ToList();
        Assert.NotEqual(messages[0].Id, messages[1].Id);

        // The tool read the app's clock in the user's time zone, and its result went back to the model.
        var followUp = harness.Fake.QueuedRequests[^1];
        var toolMessage = followUp.Messages.Single(m => m!["role"]!.GetValue<string>() == "tool")!;
        Assert.Equal("call_time", toolMessage["tool_call_id"]!.GetValue<string>());
        Assert.Contains("2026-03-14T16:09:26+01:00", FakeOpenAIRequest.TextOf(toolMessage["content"]));
        Assert.Contains("Europe/Paris", FakeOpenAIRequest.TextOf(toolMessage["content"]));
    }

    [Fact]
    public async Task Article_search_results_become_annotations_on_the_reply()
    {
        await using var harness = await AgentHarness.StartAsync();
        harness.Fake!.Enqueue(
            FakeReply.ToolCall("call_search", ArticleSearchTool.ToolName, """{"query":"streaming stop"}"""),
            FakeReply.Text("Stop aborts the request."));

        var events = await harness.CreateThreadAsync("How does Stop work?");

        var reply = events.OfType<ThreadItemDoneEvent>().Select(d => d.Item).OfType<AssistantMessageItem>().Single();
        var annotation = reply.Content.Single().Annotations[0];
        var source = Assert.IsType<UrlSource>(annotation.Source);
        Assert.Equal("/articles/streaming-with-server-sent-events", source.Url);
        Assert.Equal("Streaming with server-sent events", source.Title);
        Assert.Equal("Stop aborts the request.".Length, annotation.Index);
        Assert.Contains(events, e => e is ThreadItemUpdatedEvent { Update: AssistantMessageContentPartAnnotationAdded });

        var toolResult = harness.Fake.QueuedRequests[^1].Messages.Single(m => m!["role"]!.GetValue<string>() == "tool")!;
        Assert.Contains("/articles/streaming-with-server-sent-events", FakeOpenAIRequest.TextOf(toolResult["content"]));
    }

    [Fact]
    public async Task Client_tool_call_ends_the_turn_and_its_output_resumes_it()
    {
        await using var harness = await AgentHarness.StartAsync();
        harness.Fake!.Enqueue(FakeReply.ToolCall("call_theme", ClientToolRegistry.SetTheme, """{"theme":"dark"}"""));

        var events = await harness.CreateThreadAsync("Make it dark");
        var threadId = ThreadIdOf(events);

        var call = Assert.IsType<ClientToolCallItem>(events.OfType<ThreadItemDoneEvent>().Last().Item);
        Assert.Equal(ClientToolCallStatus.Pending, call.Status);
        Assert.Equal("call_theme", call.CallId);
        Assert.Equal(ClientToolRegistry.SetTheme, call.Name);
        Assert.StartsWith("tc_", call.Id);
        Assert.Equal("dark", call.Arguments!["theme"]!.GetValue<string>());
        Assert.Single(harness.Fake.QueuedRequests); // the server did not run it or call the model again

        harness.Fake.Enqueue(FakeReply.Text("The page is dark now."));
        var resumed = await harness.AddClientToolOutputAsync(threadId, new JsonObject { ["ok"] = true });

        Assert.Equal("The page is dark now.", resumed.OfType<ThreadItemDoneEvent>().Select(d => d.Item).OfType<AssistantMessageItem>().Single().Content.Single().Text);
        var messages = harness.Fake.QueuedRequests[^1].Messages;
        var assistantCall = messages.Single(m => m!["tool_calls"] is JsonArray)!;
        Assert.Equal("call_theme", assistantCall["tool_calls"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(ClientToolRegistry.SetTheme, assistantCall["tool_calls"]![0]!["function"]!["name"]!.GetValue<string>());
        var result = messages.Single(m => m!["role"]!.GetValue<string>() == "tool")!;
        Assert.Equal("call_theme", result["tool_call_id"]!.GetValue<string>());
        Assert.Equal("""{"ok":true}""", FakeOpenAIRequest.TextOf(result["content"]));
    }

    [Fact]
    public async Task First_turn_title_comes_from_the_model_as_thread_updated()
    {
        await using var harness = await AgentHarness.StartAsync();
        harness.Fake!.Enqueue(FakeReply.Text("Answer."), FakeReply.Text("Another."));

        var events = await harness.CreateThreadAsync("Tell me about storing chats in PostgreSQL please");
        var threadId = ThreadIdOf(events);
        await harness.AddUserMessageAsync(threadId, "And more?");

        Assert.Equal(AgentHarness.FakeTitle, events.OfType<ThreadUpdatedEvent>().Last().Thread.Title);
        Assert.Equal(AgentHarness.FakeTitle, (await harness.Store.LoadThreadAsync(threadId, harness.Context, default)).Title);
        var titleRequests = harness.Fake.Requests.Count(r => r.SystemPrompt.StartsWith(ThreadTitleGenerator.Instructions, StringComparison.Ordinal));
        Assert.Equal(1, titleRequests);
    }

    [Fact]
    public async Task A_slow_title_never_delays_the_first_token()
    {
        await using var harness = await AgentHarness.StartAsync();
        harness.Fake!.When(r => r.SystemPrompt.StartsWith(ThreadTitleGenerator.Instructions, StringComparison.Ordinal), FakeReply.Text("Slow title") with { ChunkDelay = TimeSpan.FromSeconds(1.5) });
        harness.Fake.Enqueue(FakeReply.Text("Fast ", "reply."));

        var clock = Stopwatch.StartNew();
        TimeSpan? firstDelta = null;
        var events = await harness.RunAsync(
            ChatKitRequestJson.CreateThread("Hi"),
            CancellationToken.None,
            e => firstDelta ??= e is ThreadItemUpdatedEvent { Update: AssistantMessageContentPartTextDelta } ? clock.Elapsed : null);

        Assert.True(firstDelta < TimeSpan.FromSeconds(1), $"first delta after {firstDelta}");
        var titleIndex = events.FindIndex(e => e is ThreadUpdatedEvent);
        Assert.True(titleIndex > events.FindIndex(e => e is ThreadItemDoneEvent { Item: AssistantMessageItem }));
        Assert.Equal("Slow title", ((ThreadUpdatedEvent)events[titleIndex]).Thread.Title);
    }

    [Theory]
    [InlineData(401, false, "401")]
    [InlineData(403, false, "403")]
    [InlineData(429, true, "429")]
    [InlineData(500, true, "500")]
    [InlineData(503, true, "503")]
    [InlineData(400, false, "400")]
    public async Task Provider_http_errors_become_clear_error_events(int status, bool allowRetry, string mentioned)
    {
        await using var harness = await AgentHarness.StartAsync();
        harness.Fake!.Enqueue(FakeReply.Error(status));

        var events = await harness.CreateThreadAsync("Hi");

        var error = Assert.IsType<ErrorEvent>(events.Last(e => e is not ThreadUpdatedEvent));
        Assert.Equal(ErrorCodes.Custom, error.Code);
        Assert.Contains(mentioned, error.Message);
        Assert.Equal(allowRetry, error.AllowRetry);
        Assert.IsType<UserMessageItem>(Assert.Single(await harness.ItemsAsync(ThreadIdOf(events))));
    }

    [Fact]
    public async Task Provider_retry_after_longer_than_the_retry_budget_fails_at_once_with_a_retryable_error()
    {
        await using var harness = await AgentHarness.StartAsync(new() { ["ChatKit:Model:MaxRetries"] = "2", ["ChatKit:Model:MaxRetryWaitSeconds"] = "10" });
        harness.Fake!.Enqueue(FakeReply.Error(429) with { RetryAfter = "20" }, FakeReply.Text("Too late."));

        // The SDK alone would wait 20 s before each of its two retries, with nothing to send meanwhile.
        var events = await harness.CreateThreadAsync("Hi").WaitAsync(TimeSpan.FromSeconds(10));

        var error = Assert.IsType<ErrorEvent>(events.Last(e => e is not ThreadUpdatedEvent));
        Assert.True(error.AllowRetry);
        Assert.Contains("rate limiting", error.Message, StringComparison.Ordinal);
        Assert.Single(harness.Fake.QueuedRequests);
        Assert.IsType<UserMessageItem>(Assert.Single(await harness.ItemsAsync(ThreadIdOf(events))));
    }

    [Fact]
    public async Task Provider_retry_after_within_the_retry_budget_is_waited_and_the_retry_answers()
    {
        await using var harness = await AgentHarness.StartAsync(new() { ["ChatKit:Model:MaxRetries"] = "2", ["ChatKit:Model:MaxRetryWaitSeconds"] = "10" });
        harness.Fake!.Enqueue(FakeReply.Error(429) with { RetryAfter = "1" }, FakeReply.Text("After the wait."));

        var events = await harness.CreateThreadAsync("Hi").WaitAsync(TimeSpan.FromSeconds(10));

        Assert.DoesNotContain(events, e => e is ErrorEvent);
        Assert.Equal("After the wait.", events.OfType<ThreadItemDoneEvent>().Select(d => d.Item).OfType<AssistantMessageItem>().Single().Content.Single().Text);
        Assert.Equal(2, harness.Fake.QueuedRequests.Count);
    }

    [Fact]
    public async Task Provider_retry_waits_add_up_so_a_wait_beyond_what_is_left_fails_the_turn()
    {
        await using var harness = await AgentHarness.StartAsync(new() { ["ChatKit:Model:MaxRetries"] = "2", ["ChatKit:Model:MaxRetryWaitSeconds"] = "1" });
        var limited = FakeReply.Error(429) with { RetryAfter = "1" };
        harness.Fake!.Enqueue(limited, limited, FakeReply.Text("Third time lucky."));

        var events = await harness.CreateThreadAsync("Hi").WaitAsync(TimeSpan.FromSeconds(10));

        // The first wait spends the whole budget, so the second 429 is not waited out.
        Assert.True(events.OfType<ErrorEvent>().Single().AllowRetry);
        Assert.Equal(2, harness.Fake.QueuedRequests.Count);
    }

    [Fact]
    public async Task Broken_stream_removes_the_partial_reply_and_stores_nothing_of_it()
    {
        await using var harness = await AgentHarness.StartAsync();
        harness.Fake!.Enqueue(FakeReply.Text("Half ", "a ") with { BreakAfterDeltas = true });

        var events = await harness.CreateThreadAsync("Hi");

        var added = events.OfType<ThreadItemAddedEvent>().Single();
        Assert.Contains(events, e => e is ThreadItemRemovedEvent removed && removed.ItemId == added.Item.Id);
        var error = events.OfType<ErrorEvent>().Single();
        Assert.True(error.AllowRetry);
        Assert.Contains("interrupted", error.Message);
        Assert.IsType<UserMessageItem>(Assert.Single(await harness.ItemsAsync(ThreadIdOf(events))));
    }

    [Fact]
    public async Task Silent_provider_times_out_with_a_retryable_error()
    {
        await using var harness = await AgentHarness.StartAsync(new() { ["ChatKit:Model:NetworkTimeoutSeconds"] = "1" });
        harness.Fake!.Enqueue(FakeReply.Text("Hel") with { HangAfterDeltas = true });

        var events = await harness.CreateThreadAsync("Hi");

        var error = events.OfType<ErrorEvent>().Single();
        Assert.True(error.AllowRetry);
        Assert.Contains(events, e => e is ThreadItemRemovedEvent);
        Assert.IsType<UserMessageItem>(Assert.Single(await harness.ItemsAsync(ThreadIdOf(events))));
        await harness.Fake.QueuedRequests.Single().Aborted.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Retry_after_a_provider_error_answers_the_same_message()
    {
        await using var harness = await AgentHarness.StartAsync();
        harness.Fake!.Enqueue(FakeReply.Error(503), FakeReply.Text("Recovered."));

        var events = await harness.CreateThreadAsync("Hi");
        var threadId = ThreadIdOf(events);
        var userMessage = events.OfType<ThreadItemDoneEvent>().First().Item;
        Assert.True(events.OfType<ErrorEvent>().Single().AllowRetry);

        var retried = await harness.RetryAsync(threadId, userMessage.Id);

        Assert.Equal("Recovered.", retried.OfType<ThreadItemDoneEvent>().Select(d => d.Item).OfType<AssistantMessageItem>().Single().Content.Single().Text);
        var stored = await harness.ItemsAsync(threadId);
        Assert.Equal([userMessage.Id], stored.OfType<UserMessageItem>().Select(i => i.Id));
        Assert.Single(stored.OfType<AssistantMessageItem>());
        Assert.Equal("Hi", FakeOpenAIRequest.TextOf(harness.Fake.QueuedRequests[^1].Messages[^1]!["content"]));
    }

    [Fact]
    public async Task Stopping_the_stream_aborts_the_provider_request()
    {
        await using var harness = await AgentHarness.StartAsync();
        harness.Fake!.Enqueue(FakeReply.Text("Hello ", "world") with { HangAfterDeltas = true });
        using var stop = new CancellationTokenSource();
        var deltas = 0;

        var run = harness.RunAsync(
            ChatKitRequestJson.CreateThread("Hi"),
            stop.Token,
            e =>
            {
                if (e is ThreadItemUpdatedEvent { Update: AssistantMessageContentPartTextDelta } && ++deltas == 2)
                {
                    stop.Cancel(); // the user presses Stop once both words are on screen
                }
            });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        await harness.Fake.QueuedRequests.Single().Aborted.WaitAsync(TimeSpan.FromSeconds(5));

        var threadId = (await harness.Store.LoadThreadsAsync(10, null, SortOrder.Desc, harness.Context, default)).Data.Single().Id;
        var stored = await harness.ItemsAsync(threadId);
        Assert.Equal("Hello world", stored.OfType<AssistantMessageItem>().Single().Content.Single().Text);
        Assert.Equal(ChatKitServer<ChatKitRequestContext>.CancelledMarker, stored.OfType<SdkHiddenContextItem>().Single().Content);
    }

    [Fact]
    public async Task Responses_api_setting_calls_the_responses_endpoint()
    {
        await using var harness = await AgentHarness.StartAsync(new() { ["ChatKit:Model:Api"] = "Responses", ["ChatKit:Model:GenerateTitles"] = "false" });

        var events = await harness.CreateThreadAsync("Hi"); // nothing scripted: the fake answers 500

        Assert.Equal("/v1/responses", harness.Fake!.Requests.Single().Path);
        Assert.Equal("fake-model", harness.Fake.Requests.Single().Body["model"]!.GetValue<string>());
        Assert.True(events.OfType<ErrorEvent>().Single().AllowRetry);
    }

    [Theory]
    [InlineData("ChatCompletions")]
    [InlineData("Responses")]
    public async Task Turn_facts_for_the_demo_model_never_reach_the_provider(string api)
    {
        await using var harness = await AgentHarness.StartAsync(new() { ["ChatKit:Model:Api"] = api, ["ChatKit:Model:GenerateTitles"] = "false" });

        await harness.CreateThreadAsync("Is this durable?", PageMetadata, quotedText: "a quoted passage"); // nothing scripted: the fake answers 500

        var body = harness.Fake!.Requests.Single().Body.ToJsonString();
        Assert.Contains("Is this durable?", body);
        Assert.DoesNotContain(TurnFacts.OptionsKey, body);
        Assert.DoesNotContain("EarlierMessages", body, StringComparison.OrdinalIgnoreCase);
    }

    internal static string ThreadIdOf(List<ThreadStreamEvent> events) => events.OfType<ThreadCreatedEvent>().Single().Thread.Id;

    private static string Describe(ThreadStreamEvent e) => e switch
    {
        ThreadItemAddedEvent a => "added " + ItemType(a.Item),
        ThreadItemDoneEvent d => "done " + ItemType(d.Item),
        ThreadItemUpdatedEvent u => u.Update switch
        {
            AssistantMessageContentPartAdded => "assistant_message.content_part.added",
            AssistantMessageContentPartTextDelta => "assistant_message.content_part.text_delta",
            AssistantMessageContentPartDone => "assistant_message.content_part.done",
            AssistantMessageContentPartAnnotationAdded => "assistant_message.content_part.annotation_added",
            WorkflowTaskAdded => "workflow.task.added",
            WorkflowTaskUpdated => "workflow.task.updated",
            _ => u.Update.GetType().Name,
        },
        ThreadUpdatedEvent => "thread.updated",
        _ => e.GetType().Name,
    };

    private static string ItemType(ThreadItem item) => item switch
    {
        AssistantMessageItem => "assistant_message",
        WorkflowItem => "workflow",
        ClientToolCallItem => "client_tool_call",
        _ => item.GetType().Name,
    };
}
