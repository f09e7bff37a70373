using System.Text.Json;
using System.Text.Json.Nodes;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.Tests.Fixtures;
using static ChatKitApp.Tests.Fixtures.ServerHarness;

namespace ChatKitApp.Tests.ChatKit.Server;

/// <summary>Client tool output, structured input and retry: the requests that resume or redo a turn.</summary>
public sealed class TurnContinuationTests
{
    private readonly ServerHarness _h = new();

    [Fact]
    public async Task Client_tool_round_trip_has_the_reference_event_counts_and_completes_the_call()
    {
        _h.Server.Respond = (thread, input, _, _) => input is null
            ? ScriptedChatKitServer.Yield(new ThreadItemDoneEvent(_h.Assistant(thread.Id, "Thanks")))
            : ScriptedChatKitServer.Yield(new ThreadItemDoneEvent(ToolCall(thread.Id)));

        var created = await _h.StreamAsync(Create());
        var threadId = ((ThreadCreatedEvent)created[0]).Thread.Id;
        var resumed = await _h.StreamAsync(new ThreadsAddClientToolOutputRequest { Params = new() { ThreadId = threadId, Result = new JsonObject { ["ok"] = true } } });

        Assert.Equal(4, created.Count);
        var call = Assert.IsType<ClientToolCallItem>(((ThreadItemDoneEvent)created[3]).Item);
        Assert.Equal(("call_1", "get_selection", ClientToolCallStatus.Pending), (call.CallId, call.Name, call.Status));
        Assert.Equal(2, resumed.Count);
        Assert.IsType<StreamOptionsEvent>(resumed[0]);
        Assert.IsType<AssistantMessageItem>(((ThreadItemDoneEvent)resumed[1]).Item);
        Assert.Null(_h.Server.RespondCalls[1].Input);
        var stored = Assert.IsType<ClientToolCallItem>(await _h.Store.LoadItemAsync(threadId, "tc_1", Alice, default));
        Assert.Equal(ClientToolCallStatus.Completed, stored.Status);
        Assert.True(stored.Output!["ok"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Client_tool_output_skips_hidden_items_stored_after_the_call()
    {
        _h.Server.Respond = (thread, input, _, ct) => input is null
            ? ScriptedChatKitServer.Nothing(ct)
            : ScriptedChatKitServer.Yield(
                new ThreadItemDoneEvent(ToolCall(thread.Id)),
                new ThreadItemDoneEvent(new HiddenContextItem { Id = "hc_after", ThreadId = thread.Id, CreatedAt = _h.Server.Now(), Content = JsonValue.Create("ctx") }));
        var threadId = ((ThreadCreatedEvent)(await _h.StreamAsync(Create()))[0]).Thread.Id;

        var resumed = await _h.StreamAsync(new ThreadsAddClientToolOutputRequest { Params = new() { ThreadId = threadId, Result = JsonValue.Create(42) } });

        Assert.IsType<StreamOptionsEvent>(Assert.Single(resumed));
    }

    [Fact]
    public async Task Client_tool_output_with_nothing_pending_is_a_conflict_before_streaming()
    {
        var threadId = await _h.NewThreadAsync();

        var ex = await Assert.ThrowsAsync<ChatKitRequestException>(() =>
            _h.StreamAsync(new ThreadsAddClientToolOutputRequest { Params = new() { ThreadId = threadId, Result = null } }));

        Assert.Equal(409, ex.StatusCode);
        Assert.Single(_h.Server.RespondCalls); // only the create
    }

    [Fact]
    public async Task Second_client_tool_output_for_the_same_call_is_rejected()
    {
        _h.Server.Respond = (thread, input, _, ct) => input is null
            ? ScriptedChatKitServer.Nothing(ct)
            : ScriptedChatKitServer.Yield(new ThreadItemDoneEvent(ToolCall(thread.Id)));
        var threadId = ((ThreadCreatedEvent)(await _h.StreamAsync(Create()))[0]).Thread.Id;
        var output = new ThreadsAddClientToolOutputRequest { Params = new() { ThreadId = threadId, Result = new JsonObject() } };
        await _h.StreamAsync(output);

        var ex = await Assert.ThrowsAsync<ChatKitRequestException>(() => _h.StreamAsync(output));

        Assert.Equal(409, ex.StatusCode);
    }

    [Fact]
    public async Task Client_tool_output_completes_the_newest_pending_call_and_deletes_the_other_pending_ones()
    {
        var threadId = await _h.NewThreadAsync();
        var userMessageId = (await _h.AllItemsAsync(threadId))[0].Id;
        var answered = ToolCall(threadId, "tc_answered") with { Status = ClientToolCallStatus.Completed, Output = JsonValue.Create("earlier") };
        foreach (var call in (ClientToolCallItem[])[answered, ToolCall(threadId, "tc_dangling"), ToolCall(threadId, "tc_newest")])
        {
            await _h.Store.AddThreadItemAsync(threadId, call, Alice, default);
        }

        var resumed = await _h.StreamAsync(new ThreadsAddClientToolOutputRequest { Params = new() { ThreadId = threadId, Result = new JsonObject { ["ok"] = true } } });

        Assert.IsType<StreamOptionsEvent>(Assert.Single(resumed)); // the deletion is not streamed
        Assert.Equal([userMessageId, "tc_answered", "tc_newest"], (await _h.AllItemsAsync(threadId)).Select(i => i.Id));
        var newest = Assert.IsType<ClientToolCallItem>(await _h.Store.LoadItemAsync(threadId, "tc_newest", Alice, default));
        Assert.Equal(ClientToolCallStatus.Completed, newest.Status);
        Assert.True(newest.Output!["ok"]!.GetValue<bool>());
        JsonAssert.Equal(answered, await _h.Store.LoadItemAsync(threadId, "tc_answered", Alice, default));
    }

    [Fact]
    public async Task Structured_input_is_answered_replaced_persisted_and_the_turn_resumes()
    {
        var (threadId, item) = await ThreadWithQuestionsAsync();
        _h.Server.Respond = (thread, input, _, _) => ScriptedChatKitServer.Yield(new ThreadItemDoneEvent(_h.Assistant(thread.Id, "Got your answers")));

        var events = await _h.StreamAsync(Submit(threadId, item.Id, StructuredInputStatus.Answered, new()
        {
            ["color"] = new StructuredInputAnswer { Values = ["teal", "red"] }, // single choice: first value only
            ["why"] = new StructuredInputAnswer { Values = ["Not an offered option, and that is fine"] },
            ["unknown"] = new StructuredInputAnswer { Values = ["ignored"] },
        }));

        Assert.IsType<StreamOptionsEvent>(events[0]);
        var replaced = Assert.IsType<StructuredInputItem>(Assert.IsType<ThreadItemReplacedEvent>(events[1]).Item);
        Assert.Equal(StructuredInputStatus.Answered, replaced.Status);
        Assert.Equal(["teal"], replaced.Inputs[0].Answer!.Values);
        Assert.Equal(["Not an offered option, and that is fine"], replaced.Inputs[1].Answer!.Values);
        Assert.True(replaced.Inputs[2].Answer!.Skipped); // omitted answer
        Assert.Equal(3, replaced.Inputs.Count);
        Assert.IsType<AssistantMessageItem>(((ThreadItemDoneEvent)events[2]).Item);
        JsonAssert.Equal(replaced, await _h.Store.LoadItemAsync(threadId, item.Id, Alice, default));
        Assert.Null(_h.Server.RespondCalls[^1].Input);
    }

    [Fact]
    public async Task Skipped_submission_skips_every_question_and_a_second_submission_conflicts()
    {
        var (threadId, item) = await ThreadWithQuestionsAsync();
        var skip = Submit(threadId, item.Id, StructuredInputStatus.Skipped, new() { ["color"] = new StructuredInputAnswer { Values = ["teal"] } });

        var events = await _h.StreamAsync(skip);
        var ex = await Assert.ThrowsAsync<ChatKitRequestException>(() => _h.StreamAsync(skip));

        var replaced = (StructuredInputItem)((ThreadItemReplacedEvent)events[1]).Item;
        Assert.Equal(StructuredInputStatus.Skipped, replaced.Status);
        Assert.All(replaced.Inputs, i => Assert.Equal(SkippedJson, Wire(i.Answer)));
        Assert.Equal(409, ex.StatusCode);
    }

    [Fact]
    public async Task Structured_answer_marked_skipped_loses_its_values_and_is_skipped()
    {
        var (threadId, item) = await ThreadWithQuestionsAsync();

        var events = await _h.StreamAsync(Submit(threadId, item.Id, StructuredInputStatus.Answered, new()
        {
            ["color"] = new StructuredInputAnswer { Values = ["teal"], Skipped = true },
            ["why"] = new StructuredInputAnswer { Values = ["Because"], Skipped = true },
            ["later"] = new StructuredInputAnswer { Values = ["Nothing"] },
        }));

        var replaced = (StructuredInputItem)((ThreadItemReplacedEvent)events[1]).Item;
        Assert.Equal(StructuredInputStatus.Answered, replaced.Status);
        Assert.Equal([SkippedJson, SkippedJson, """{"values":["Nothing"],"skipped":false}"""], replaced.Inputs.Select(i => Wire(i.Answer)));
        JsonAssert.Equal(replaced, await _h.Store.LoadItemAsync(threadId, item.Id, Alice, default));
    }

    [Fact]
    public async Task Structured_answer_with_no_values_is_skipped()
    {
        var (threadId, item) = await ThreadWithQuestionsAsync();

        var events = await _h.StreamAsync(Submit(threadId, item.Id, StructuredInputStatus.Answered, new()
        {
            ["color"] = new StructuredInputAnswer { Values = [] },
            ["why"] = new StructuredInputAnswer { Values = [] },
            ["later"] = new StructuredInputAnswer { Values = ["Nothing"] },
        }));

        var replaced = (StructuredInputItem)((ThreadItemReplacedEvent)events[1]).Item;
        Assert.Equal([SkippedJson, SkippedJson, """{"values":["Nothing"],"skipped":false}"""], replaced.Inputs.Select(i => Wire(i.Answer)));
        JsonAssert.Equal(replaced, await _h.Store.LoadItemAsync(threadId, item.Id, Alice, default));
    }

    [Fact]
    public async Task Only_single_choice_questions_are_cut_to_their_first_value_and_no_value_is_checked_against_the_options()
    {
        var (threadId, item) = await ThreadWithQuestionsAsync(
            new MultipleChoiceInput { Id = "one", Question = "One colour?", Options = [new("teal"), new("red")] },
            new MultipleChoiceInput { Id = "many", Question = "Colours?", Options = [new("teal"), new("red")], Multiple = true },
            new FreeformInput { Id = "free", Question = "Why?" });

        var events = await _h.StreamAsync(Submit(threadId, item.Id, StructuredInputStatus.Answered, new()
        {
            ["one"] = new StructuredInputAnswer { Values = ["mauve", "teal"] },
            ["many"] = new StructuredInputAnswer { Values = ["red", "mauve", "teal"] },
            ["free"] = new StructuredInputAnswer { Values = ["first line", "second line"] },
        }));

        var replaced = (StructuredInputItem)((ThreadItemReplacedEvent)events[1]).Item;
        Assert.Equal(["mauve"], replaced.Inputs[0].Answer!.Values);
        Assert.Equal(["red", "mauve", "teal"], replaced.Inputs[1].Answer!.Values);
        Assert.Equal(["first line", "second line"], replaced.Inputs[2].Answer!.Values);
        Assert.All(replaced.Inputs, i => Assert.False(i.Answer!.Skipped));
        JsonAssert.Equal(replaced, await _h.Store.LoadItemAsync(threadId, item.Id, Alice, default));
    }

    [Fact]
    public async Task Structured_input_on_a_non_structured_item_is_a_bad_request()
    {
        var threadId = await _h.NewThreadAsync();
        var userMessageId = (await _h.AllItemsAsync(threadId))[0].Id;

        var ex = await Assert.ThrowsAsync<ChatKitRequestException>(() =>
            _h.StreamAsync(Submit(threadId, userMessageId, StructuredInputStatus.Answered, [])));

        Assert.Equal(400, ex.StatusCode);
    }

    [Fact]
    public async Task Retry_removes_everything_after_the_user_message_and_answers_it_again()
    {
        var reply = 0;
        _h.Server.Respond = (thread, _, _, _) => ScriptedChatKitServer.Yield(new ThreadItemDoneEvent(_h.Assistant(thread.Id, $"reply {++reply}")));
        var created = await _h.StreamAsync(Create("question"));
        var threadId = ((ThreadCreatedEvent)created[0]).Thread.Id;
        var user = (UserMessageItem)((ThreadItemDoneEvent)created[1]).Item;
        var firstReplyId = ((ThreadItemDoneEvent)created[3]).Item.Id;

        var events = await _h.StreamAsync(new ThreadsRetryAfterItemRequest { Params = new() { ThreadId = threadId, ItemId = user.Id } });

        Assert.Equal(2, events.Count);
        Assert.IsType<StreamOptionsEvent>(events[0]);
        JsonAssert.Equal(user, _h.Server.RespondCalls[^1].Input);
        var items = await _h.AllItemsAsync(threadId);
        Assert.Equal(2, items.Count);
        Assert.Equal("reply 2", ((AssistantMessageItem)items[1]).Content[0].Text);
        Assert.NotEqual(firstReplyId, items[1].Id);
    }

    [Fact]
    public async Task Retry_of_the_second_question_keeps_the_first_exchange()
    {
        var reply = 0;
        _h.Server.Respond = (thread, _, _, _) => ScriptedChatKitServer.Yield(new ThreadItemDoneEvent(_h.Assistant(thread.Id, $"reply {++reply}")));
        var threadId = ((ThreadCreatedEvent)(await _h.StreamAsync(Create("one")))[0]).Thread.Id;
        var second = await _h.StreamAsync(new ThreadsAddUserMessageRequest { Params = new() { ThreadId = threadId, Input = Input("two") } });
        var secondId = ((ThreadItemDoneEvent)second[0]).Item.Id;

        await _h.StreamAsync(new ThreadsRetryAfterItemRequest { Params = new() { ThreadId = threadId, ItemId = secondId } });

        var texts = (await _h.AllItemsAsync(threadId)).Select(i => i switch
        {
            UserMessageItem u => ((UserMessageTextContent)u.Content[0]).Text,
            AssistantMessageItem a => a.Content[0].Text,
            _ => "?",
        });
        Assert.Equal(["one", "reply 1", "two", "reply 3"], texts);
    }

    [Fact]
    public async Task Retry_on_an_assistant_message_or_unknown_item_fails_before_streaming_and_deletes_nothing()
    {
        _h.Server.Respond = (thread, _, _, _) => ScriptedChatKitServer.Yield(new ThreadItemDoneEvent(_h.Assistant(thread.Id, "reply")));
        var created = await _h.StreamAsync(Create());
        var threadId = ((ThreadCreatedEvent)created[0]).Thread.Id;
        var assistantId = ((ThreadItemDoneEvent)created[3]).Item.Id;

        var notUser = await Assert.ThrowsAsync<ChatKitRequestException>(() =>
            _h.StreamAsync(new ThreadsRetryAfterItemRequest { Params = new() { ThreadId = threadId, ItemId = assistantId } }));
        var unknown = await Assert.ThrowsAsync<ChatKitRequestException>(() =>
            _h.StreamAsync(new ThreadsRetryAfterItemRequest { Params = new() { ThreadId = threadId, ItemId = "msg_nope" } }));

        Assert.Equal(400, notUser.StatusCode);
        Assert.Contains("is not a user message", notUser.Message, StringComparison.Ordinal);
        Assert.Equal(404, unknown.StatusCode);
        Assert.Equal(2, (await _h.AllItemsAsync(threadId)).Count);
    }

    /// <summary>A pending structured input with the given questions, or by default: single choice "color", freeform "why" and "later".</summary>
    private async Task<(string ThreadId, StructuredInputItem Item)> ThreadWithQuestionsAsync(params StructuredInput[] questions)
    {
        var threadId = await _h.NewThreadAsync();
        var item = new StructuredInputItem
        {
            Id = "msg_q",
            ThreadId = threadId,
            CreatedAt = _h.Server.Now(),
            Inputs = questions.Length > 0 ? questions :
            [
                new MultipleChoiceInput { Id = "color", Question = "Color?", Options = [new("teal"), new("red")] },
                new FreeformInput { Id = "why", Question = "Why?", Description = "d" },
                new FreeformInput { Id = "later", Question = "Anything else?" },
            ],
        };
        await _h.Store.AddThreadItemAsync(threadId, item, Alice, default);
        return (threadId, item);
    }

    private static ThreadsAddStructuredInputRequest Submit(string threadId, string itemId, StructuredInputStatus status, Dictionary<string, StructuredInputAnswer> answers) =>
        new() { Params = new() { ThreadId = threadId, ItemId = itemId, Input = new StructuredInputSubmission { Status = status, Answers = answers } } };

    private const string SkippedJson = """{"values":[],"skipped":true}""";

    /// <summary>An answer as the client receives it.</summary>
    private static string Wire(StructuredInputAnswer? answer) => JsonSerializer.Serialize(answer, ChatKitJson.WireType<StructuredInputAnswer?>());

    private ClientToolCallItem ToolCall(string threadId, string id = "tc_1") => new()
    {
        Id = id,
        ThreadId = threadId,
        CreatedAt = _h.Server.Now(),
        CallId = "call_1",
        Name = "get_selection",
        Arguments = new JsonObject { ["x"] = 1 },
    };
}
