using System.Text.Json.Nodes;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.Tests.Fixtures;
using static ChatKitApp.Tests.Fixtures.ServerHarness;

namespace ChatKitApp.Tests.ChatKit.Server;

/// <summary>Requests that cannot be served fail before the response starts, for the owner and for everyone else.</summary>
public sealed class PreflightTests
{
    private readonly ServerHarness _h = new();

    public static TheoryData<string> StreamingRequestKinds => ["add_user_message", "add_client_tool_output", "add_structured_input", "retry_after_item", "custom_action"];

    [Theory]
    [MemberData(nameof(StreamingRequestKinds))]
    public async Task Unknown_thread_is_not_found_before_streaming(string kind)
    {
        var ex = await Assert.ThrowsAsync<ChatKitRequestException>(() => _h.Server.ProcessAsync(Streaming(kind, "thr_missing"), Alice, default));

        Assert.Equal(404, ex.StatusCode);
        Assert.Empty(_h.Server.RespondCalls);
    }

    [Theory]
    [MemberData(nameof(StreamingRequestKinds))]
    public async Task Another_users_thread_is_not_found_and_unchanged(string kind)
    {
        var threadId = await _h.NewThreadAsync(Alice);
        var before = await _h.AllItemsAsync(threadId);

        var ex = await Assert.ThrowsAsync<ChatKitRequestException>(() => _h.Server.ProcessAsync(Streaming(kind, threadId), Bob, default));

        Assert.Equal(404, ex.StatusCode);
        Assert.Equal(before.Select(JsonAssert.Json), (await _h.AllItemsAsync(threadId)).Select(JsonAssert.Json));
    }

    [Fact]
    public async Task Another_users_threads_are_invisible_to_every_json_request()
    {
        var threadId = await _h.NewThreadAsync(Alice);

        Assert.Empty((await _h.JsonAsync<Page<ChatThread>>(new ThreadsListRequest { Params = new() }, Bob)).Data);
        foreach (var request in new ChatKitRequest[]
                 {
                     new ThreadsGetByIdRequest { Params = new() { ThreadId = threadId } },
                     new ThreadsUpdateRequest { Params = new() { ThreadId = threadId, Title = "hijack" } },
                     new ThreadsDeleteRequest { Params = new() { ThreadId = threadId } },
                     new ItemsListRequest { Params = new() { ThreadId = threadId } },
                     new ThreadsSyncCustomActionRequest { Params = new() { ThreadId = threadId, Action = new ChatKitAction { Type = "x" } } },
                 })
        {
            var ex = await Assert.ThrowsAsync<ChatKitRequestException>(() => _h.JsonAsync(request, Bob));
            Assert.Equal(404, ex.StatusCode);
        }

        var thread = await _h.Store.LoadThreadAsync(threadId, Alice, default);
        Assert.NotEqual("hijack", thread.Title);
    }

    [Fact]
    public async Task Custom_action_from_a_non_widget_item_gets_a_single_error_event()
    {
        var threadId = await _h.NewThreadAsync();
        var userMessageId = (await _h.AllItemsAsync(threadId))[0].Id;

        var events = await _h.StreamAsync(new ThreadsCustomActionRequest { Params = new() { ThreadId = threadId, ItemId = userMessageId, Action = new ChatKitAction { Type = "x" } } });

        Assert.Equal(new ErrorEvent { Code = ErrorCodes.StreamError, AllowRetry = false }, Assert.Single(events));
    }

    [Fact]
    public async Task Custom_action_reaches_the_handler_with_its_widget_and_its_update_is_not_stored()
    {
        var threadId = await _h.NewThreadAsync();
        var widget = new WidgetItem { Id = "msg_w", ThreadId = threadId, CreatedAt = _h.Server.Now(), Widget = new JsonObject { ["type"] = "Card" } };
        await _h.Store.AddThreadItemAsync(threadId, widget, Alice, default);
        _h.Server.Action = (_, _, sender, _, _) => ScriptedChatKitServer.Yield(
            new ThreadItemUpdatedEvent(sender!.Id, new WidgetRootUpdated(new JsonObject { ["type"] = "Card", ["id"] = "new" })));

        var events = await _h.StreamAsync(new ThreadsCustomActionRequest
        {
            Params = new() { ThreadId = threadId, ItemId = widget.Id, Action = new ChatKitAction { Type = "refresh", Payload = new JsonObject { ["n"] = 1 } } },
        });

        Assert.Equal(2, events.Count);
        Assert.IsType<StreamOptionsEvent>(events[0]);
        Assert.IsType<WidgetRootUpdated>(Assert.IsType<ThreadItemUpdatedEvent>(events[1]).Update);
        var (action, sender) = _h.Server.ActionCalls.Single();
        Assert.Equal("refresh", action.Type);
        Assert.Equal(1, action.Payload!["n"]!.GetValue<int>());
        Assert.Equal(widget.Id, sender!.Id);
        Assert.False(((WidgetItem)await _h.Store.LoadItemAsync(threadId, widget.Id, Alice, default)).Widget.ContainsKey("id"));
    }

    [Fact]
    public async Task Custom_action_without_a_handler_ends_with_a_retryable_error()
    {
        var threadId = await _h.NewThreadAsync();

        var events = await _h.StreamAsync(new ThreadsCustomActionRequest { Params = new() { ThreadId = threadId, Action = new ChatKitAction { Type = "x" } } });

        Assert.IsType<StreamOptionsEvent>(events[0]);
        Assert.Equal(new ErrorEvent { Code = ErrorCodes.StreamError, AllowRetry = true }, events[1]);
    }

    private static ChatKitRequest Streaming(string kind, string threadId) => kind switch
    {
        "add_user_message" => new ThreadsAddUserMessageRequest { Params = new() { ThreadId = threadId, Input = Input("x") } },
        "add_client_tool_output" => new ThreadsAddClientToolOutputRequest { Params = new() { ThreadId = threadId, Result = new JsonObject() } },
        "add_structured_input" => new ThreadsAddStructuredInputRequest { Params = new() { ThreadId = threadId, ItemId = "msg_1", Input = new StructuredInputSubmission() } },
        "retry_after_item" => new ThreadsRetryAfterItemRequest { Params = new() { ThreadId = threadId, ItemId = "msg_1" } },
        "custom_action" => new ThreadsCustomActionRequest { Params = new() { ThreadId = threadId, Action = new ChatKitAction { Type = "x" } } },
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
