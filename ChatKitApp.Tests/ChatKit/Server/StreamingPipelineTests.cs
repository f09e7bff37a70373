using System.Text.Json;
using System.Text.Json.Nodes;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKitHost;
using ChatKitApp.Tests.Fixtures;
using Microsoft.AspNetCore.Http;
using static ChatKitApp.Tests.Fixtures.ServerHarness;

namespace ChatKitApp.Tests.ChatKit.Server;

public sealed class StreamingPipelineTests
{
    private readonly ServerHarness _h = new();

    [Fact]
    public async Task Create_streams_thread_user_message_and_stream_options_first()
    {
        var events = await _h.StreamAsync(Create("Hi there", quotedText: "the quote"));

        Assert.Equal(3, events.Count);
        var created = Assert.IsType<ThreadCreatedEvent>(events[0]);
        Assert.Null(created.Thread.Title);
        Assert.StartsWith("thr_", created.Thread.Id, StringComparison.Ordinal);
        var done = Assert.IsType<ThreadItemDoneEvent>(events[1]);
        var user = Assert.IsType<UserMessageItem>(done.Item);
        Assert.Equal("Hi there", Assert.IsType<UserMessageTextContent>(user.Content[0]).Text);
        Assert.Equal("the quote", user.QuotedText);
        Assert.Equal(created.Thread.Id, user.ThreadId);
        Assert.Equal(new StreamOptions(AllowCancel: true), Assert.IsType<StreamOptionsEvent>(events[2]).StreamOptions);
    }

    [Fact]
    public async Task ItemsOfNewThread_is_the_first_message_while_a_new_thread_answers_it_and_null_for_later_turns()
    {
        List<IReadOnlyList<ThreadItem>?> seen = [];
        _h.Server.Respond = (thread, _, _, ct) =>
        {
            seen.Add(_h.Server.ItemsOfNewThread(thread));
            return ScriptedChatKitServer.Nothing(ct);
        };

        var threadId = Assert.IsType<ThreadCreatedEvent>((await _h.StreamAsync(Create("First")))[0]).Thread.Id;
        await _h.StreamAsync(new ThreadsAddUserMessageRequest { Params = new() { ThreadId = threadId, Input = Input("Second") } });

        var first = Assert.Single(seen[0]!);
        var stored = Assert.Single(await _h.AllItemsAsync(threadId), i => i.Id == first.Id);
        Assert.Equal(JsonSerializer.Serialize(stored, ChatKitJson.StorageType<ThreadItem>()), JsonSerializer.Serialize(first, ChatKitJson.StorageType<ThreadItem>())); // what the store holds, without reading it back
        Assert.Null(seen[1]);
    }

    [Fact]
    public async Task Responder_setting_title_saves_it_and_ends_with_thread_updated()
    {
        _h.Server.Respond = (thread, _, _, _) => Titled(thread, "My title");

        var events = await _h.StreamAsync(Create());

        var updated = Assert.IsType<ThreadUpdatedEvent>(events[^1]);
        Assert.Equal("My title", updated.Thread.Title);
        var stored = await _h.Store.LoadThreadAsync(updated.Thread.Id, Alice, default);
        Assert.Equal("My title", stored.Title);
    }

    [Fact]
    public async Task Responder_setting_metadata_saves_it_but_never_sends_it()
    {
        _h.Server.Respond = (thread, _, _, _) => Mutate(() => thread.Metadata["previous_response_id"] = "resp_1");

        var events = await _h.StreamAsync(Create());

        var updated = Assert.IsType<ThreadUpdatedEvent>(events[^1]);
        Assert.Empty(updated.Thread.Metadata);
        var stored = await _h.Store.LoadThreadAsync(updated.Thread.Id, Alice, default);
        Assert.Equal("resp_1", stored.Metadata["previous_response_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Responder_locking_the_thread_saves_and_echoes_the_status()
    {
        _h.Server.Respond = (thread, _, _, _) => Mutate(() => thread.Status = new LockedStatus("Read only"));

        var events = await _h.StreamAsync(Create());

        var updated = Assert.IsType<ThreadUpdatedEvent>(events[^1]);
        Assert.Equal(new LockedStatus("Read only"), updated.Thread.Status);
        Assert.Equal(new LockedStatus("Read only"), (await _h.Store.LoadThreadAsync(updated.Thread.Id, Alice, default)).Status);
    }

    [Fact]
    public async Task Allowed_image_domains_are_saved_and_streamed_when_set_and_absent_when_not()
    {
        _h.Server.Respond = (thread, _, _, _) => Mutate(() => thread.AllowedImageDomains = ["images.example.com"]);

        var events = await _h.StreamAsync(Create());

        var createdJson = JsonSerializer.Serialize(events[0], ChatKitJson.WireType<ThreadStreamEvent>());
        Assert.DoesNotContain("allowed_image_domains", createdJson, StringComparison.Ordinal);
        var updatedJson = JsonSerializer.Serialize(events[^1], ChatKitJson.WireType<ThreadStreamEvent>());
        Assert.Contains("\"allowed_image_domains\":[\"images.example.com\"]", updatedJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Allowed_image_domains_added_to_in_place_after_an_item_are_saved_and_streamed_again()
    {
        _h.Server.Respond = (thread, _, _, _) => DomainsGrowingInPlace(thread);

        var events = await _h.StreamAsync(Create());

        var updates = events.OfType<ThreadUpdatedEvent>().ToList();
        Assert.Equal(2, updates.Count);
        Assert.Equal(["a.example.com", "b.example.com"], updates[1].Thread.AllowedImageDomains);
        var stored = await _h.Store.LoadThreadAsync(updates[1].Thread.Id, Alice, default);
        Assert.Equal(["a.example.com", "b.example.com"], stored.AllowedImageDomains);
    }

    [Fact]
    public async Task Title_change_between_items_is_reported_right_after_the_next_item()
    {
        _h.Server.Respond = (thread, _, _, _) => TitleBetween(thread);

        var events = await _h.StreamAsync(Create());

        var types = events.Skip(3).Select(e => e switch
        {
            ThreadItemDoneEvent d => ((AssistantMessageItem)d.Item).Content[0].Text,
            ThreadUpdatedEvent u => "updated:" + u.Thread.Title,
            _ => e.GetType().Name,
        });
        Assert.Equal(["A", "B", "updated:Between", "C"], types);

        async IAsyncEnumerable<ThreadStreamEvent> TitleBetween(ThreadMetadata thread)
        {
            yield return new ThreadItemDoneEvent(_h.Assistant(thread.Id, "A"));
            thread.Title = "Between";
            await Task.Yield();
            yield return new ThreadItemDoneEvent(_h.Assistant(thread.Id, "B"));
            yield return new ThreadItemDoneEvent(_h.Assistant(thread.Id, "C"));
        }
    }

    [Fact]
    public async Task Progress_update_passes_through_in_order()
    {
        _h.Server.Respond = (thread, _, _, _) => ScriptedChatKitServer.Yield(
            new ProgressUpdateEvent("Searching...", "search"),
            new ThreadItemDoneEvent(_h.Assistant(thread.Id, "Found it")));

        var events = await _h.StreamAsync(Create());

        Assert.Collection(events,
            e => Assert.IsType<ThreadCreatedEvent>(e),
            e => Assert.IsType<ThreadItemDoneEvent>(e),
            e => Assert.IsType<StreamOptionsEvent>(e),
            e => Assert.Equal(new ProgressUpdateEvent("Searching...", "search"), e),
            e => Assert.IsType<AssistantMessageItem>(Assert.IsType<ThreadItemDoneEvent>(e).Item));
    }

    [Fact]
    public async Task Done_replaced_and_removed_are_persisted_but_added_and_updated_are_not()
    {
        var keep = "msg_keep";
        var gone = "msg_gone";
        var streaming = "msg_streaming";
        _h.Server.Respond = (thread, _, _, _) => ScriptedChatKitServer.Yield(
            new ThreadItemDoneEvent(_h.Assistant(thread.Id, "first", keep)),
            new ThreadItemDoneEvent(_h.Assistant(thread.Id, "to remove", gone)),
            new ThreadItemRemovedEvent(gone),
            new ThreadItemReplacedEvent(new WidgetItem { Id = keep, ThreadId = thread.Id, CreatedAt = _h.Server.Now(), Widget = new JsonObject { ["type"] = "Card" } }),
            new ThreadItemAddedEvent(_h.Assistant(thread.Id, "", streaming)),
            new ThreadItemUpdatedEvent(streaming, new AssistantMessageContentPartTextDelta(0, "partial")));

        var events = await _h.StreamAsync(Create());
        var threadId = ((ThreadCreatedEvent)events[0]).Thread.Id;

        var items = await _h.AllItemsAsync(threadId);
        Assert.Equal(2, items.Count);
        Assert.IsType<UserMessageItem>(items[0]);
        Assert.IsType<WidgetItem>(items[1]); // replaced, even with another item type
        Assert.Equal(keep, items[1].Id);
    }

    [Fact]
    public async Task Hidden_items_are_stored_but_not_sent_or_listed()
    {
        _h.Server.Respond = (thread, _, _, _) => ScriptedChatKitServer.Yield(
            new ThreadItemDoneEvent(new HiddenContextItem { Id = "hc_1", ThreadId = thread.Id, CreatedAt = _h.Server.Now(), Content = JsonValue.Create("secret") }),
            new ThreadItemDoneEvent(new SdkHiddenContextItem { Id = "shcx_1", ThreadId = thread.Id, CreatedAt = _h.Server.Now(), Content = "also secret" }),
            new ClientEffectEvent { Name = "fx", Data = new JsonObject { ["a"] = 1 } },
            new NoticeEvent { Message = "hi" });

        var events = await _h.StreamAsync(Create());
        var threadId = ((ThreadCreatedEvent)events[0]).Thread.Id;

        Assert.DoesNotContain(events, e => e is ThreadItemDoneEvent { Item.IsHidden: true });
        Assert.IsType<ClientEffectEvent>(events[3]);
        Assert.IsType<NoticeEvent>(events[4]);
        Assert.Equal(3, (await _h.AllItemsAsync(threadId)).Count);
        var listed = await _h.JsonAsync<Page<ThreadItem>>(new ItemsListRequest { Params = new() { ThreadId = threadId } });
        Assert.Single(listed.Data);
    }

    [Fact]
    public async Task Exception_in_responder_becomes_a_retryable_stream_error_and_the_stream_ends()
    {
        _h.Server.Respond = (thread, _, _, _) => Fails(thread, new InvalidOperationException("boom"));

        var events = await _h.StreamAsync(Create());

        Assert.IsType<ThreadItemDoneEvent>(events[3]);
        Assert.Equal(new ErrorEvent { Code = ErrorCodes.StreamError, AllowRetry = true }, events[4]);
        Assert.Equal(5, events.Count);
    }

    [Fact]
    public async Task Custom_stream_error_carries_its_message_and_retry_flag()
    {
        _h.Server.Respond = (thread, _, _, _) => Fails(thread, new CustomStreamErrorException("We blocked that message.", allowRetry: true));

        var events = await _h.StreamAsync(Create());

        Assert.Equal(new ErrorEvent { Code = ErrorCodes.Custom, Message = "We blocked that message.", AllowRetry = true }, events[^1]);
    }

    [Fact]
    public async Task Stream_error_exception_keeps_its_code_without_a_message()
    {
        _h.Server.Respond = (thread, _, _, _) => Fails(thread, new StreamErrorException(ErrorCodes.StreamError, allowRetry: false));

        var events = await _h.StreamAsync(Create());

        Assert.Equal(new ErrorEvent { Code = ErrorCodes.StreamError, AllowRetry = false }, events[^1]);
    }

    [Fact]
    public async Task Stream_error_exception_without_a_retry_flag_allows_retry()
    {
        _h.Server.Respond = (thread, _, _, _) => Fails(thread, new StreamErrorException("rate_limited"));

        var events = await _h.StreamAsync(Create());

        Assert.Equal(new ErrorEvent { Code = "rate_limited", AllowRetry = true }, events[^1]);
    }

    [Fact]
    public async Task Title_set_before_a_failure_is_still_saved_and_streamed()
    {
        _h.Server.Respond = (thread, _, _, _) => TitleThenFail(thread);

        var events = await _h.StreamAsync(Create());

        Assert.IsType<ErrorEvent>(events[^2]);
        Assert.Equal("Kept", Assert.IsType<ThreadUpdatedEvent>(events[^1]).Thread.Title);

        static async IAsyncEnumerable<ThreadStreamEvent> TitleThenFail(ThreadMetadata thread)
        {
            await Task.Yield();
            thread.Title = "Kept";
            if (thread.Id.Length > 0)
            {
                throw new InvalidOperationException("after the title");
            }

            yield break;
        }
    }

    [Fact]
    public async Task Store_failure_saving_a_changed_thread_is_a_retryable_error_and_keeps_nothing_pending()
    {
        // The model side sets the title mid-reply: a database that fails that save must not look
        // like the user pressing Stop (which would keep the partial reply and a cancellation marker).
        var h = HarnessWhoseTitledThreadSavesFail();
        h.Server.Respond = (thread, _, _, _) => TitleMidReply(thread);

        var events = await h.StreamAsync(Create());

        Assert.Equal(new ErrorEvent { Code = ErrorCodes.StreamError, AllowRetry = true }, events[^1]);
        Assert.IsType<ProgressUpdateEvent>(events[^2]); // sent before the save that failed
        var threadId = Assert.IsType<ThreadCreatedEvent>(events[0]).Thread.Id;
        Assert.IsType<UserMessageItem>(Assert.Single(await h.AllItemsAsync(threadId)));

        async IAsyncEnumerable<ThreadStreamEvent> TitleMidReply(ThreadMetadata thread)
        {
            yield return new ThreadItemAddedEvent(h.Assistant(thread.Id, "partial"));
            await Task.Yield();
            thread.Title = "A title";
            yield return new ProgressUpdateEvent("Thinking...", null);
            yield return new ThreadItemDoneEvent(h.Assistant(thread.Id, "never reached"));
        }
    }

    [Fact]
    public async Task Store_failure_saving_the_thread_after_the_reply_is_a_retryable_error()
    {
        var h = HarnessWhoseTitledThreadSavesFail();
        h.Server.Respond = (thread, _, _, _) => TitleAtTheEnd(thread);

        var events = await h.StreamAsync(Create());

        Assert.IsType<ThreadItemDoneEvent>(events[^2]);
        Assert.Equal(new ErrorEvent { Code = ErrorCodes.StreamError, AllowRetry = true }, events[^1]);

        async IAsyncEnumerable<ThreadStreamEvent> TitleAtTheEnd(ThreadMetadata thread)
        {
            yield return new ThreadItemDoneEvent(h.Assistant(thread.Id, "Answer"));
            await Task.Yield();
            thread.Title = "Set last";
        }
    }

    [Fact]
    public async Task Store_failure_the_host_calls_transient_mid_stream_is_recorded_by_the_host_and_still_retryable()
    {
        var host = new EveryFailureIsTransient();
        var h = HarnessWhoseTitledThreadSavesFail(host);
        h.Server.Respond = (thread, _, _, _) => TitleAtTheEnd(thread);

        var events = await h.StreamAsync(Create());

        Assert.Equal(new ErrorEvent { Code = ErrorCodes.StreamError, AllowRetry = true }, events[^1]);
        var recorded = Assert.Single(host.Recorded);
        Assert.Contains(nameof(IChatKitStore<ChatKitRequestContext>.UpdateThreadAsync), recorded.Message, StringComparison.Ordinal);

        async IAsyncEnumerable<ThreadStreamEvent> TitleAtTheEnd(ThreadMetadata thread)
        {
            yield return new ThreadItemDoneEvent(h.Assistant(thread.Id, "Answer"));
            await Task.Yield();
            thread.Title = "Set last";
        }
    }

    private static ServerHarness HarnessWhoseTitledThreadSavesFail(IChatKitTransientFailures? transientFailures = null) => new(
        store: FailingStore.Wrap(
            new MemoryStore<ChatKitRequestContext>(),
            (method, _) => method == nameof(IChatKitStore<ChatKitRequestContext>.UpdateThreadAsync)), // the pipeline's title saves
        transientFailures: transientFailures);

    /// <summary>A host that takes every failure for a passing one and records what it was told.</summary>
    private sealed class EveryFailureIsTransient : IChatKitTransientFailures
    {
        public List<Exception> Recorded { get; } = [];

        public bool IsTransient(Exception exception) => true;

        public Task RespondAsync(HttpContext httpContext, Exception exception) => Task.CompletedTask;

        public void Record(Exception exception) => Recorded.Add(exception);
    }

    [Fact]
    public async Task Workflow_task_is_not_duplicated_when_done_follows_a_task_update()
    {
        var task = new CustomTask { Title = "Step 1" };
        _h.Server.Respond = (thread, _, _, _) => WorkflowEvents(thread.Id);

        var events = await _h.StreamAsync(Create());

        var done = (WorkflowItem)events.OfType<ThreadItemDoneEvent>().Last().Item;
        Assert.Single(done.Workflow.Tasks);
        var stored = (WorkflowItem)(await _h.AllItemsAsync(done.ThreadId))[^1];
        Assert.Single(stored.Workflow.Tasks);

        async IAsyncEnumerable<ThreadStreamEvent> WorkflowEvents(string threadId)
        {
            var workflow = new WorkflowItem { Id = "wf_1", ThreadId = threadId, CreatedAt = _h.Server.Now(), Workflow = new Workflow() };
            yield return new ThreadItemAddedEvent(workflow);
            await Task.Yield();
            yield return new ThreadItemUpdatedEvent(workflow.Id, new WorkflowTaskAdded(0, task));
            yield return new ThreadItemDoneEvent(workflow with { Workflow = workflow.Workflow with { Tasks = [task] } });
        }
    }

    [Fact]
    public async Task Request_context_reaches_responder_and_feedback_unchanged()
    {
        var context = new ChatKitRequestContext("alice") { Locale = "fr-FR", Metadata = new JsonObject { ["page"] = "x" } };

        var events = await _h.StreamAsync(Create(), context);
        var threadId = ((ThreadCreatedEvent)events[0]).Thread.Id;
        await _h.JsonAsync(new ItemsFeedbackRequest { Params = new() { ThreadId = threadId, ItemIds = ["msg_1"], Kind = FeedbackKind.Positive } }, context);

        Assert.Same(context, _h.Server.RespondCalls.Single().Context);
        Assert.Same(context, _h.Server.FeedbackCalls.Single().Context);
    }

    [Fact]
    public async Task Tool_choice_reaches_the_responder_on_create_and_add_user_message()
    {
        var options = new InferenceOptions { ToolChoice = new ToolChoice("search"), Model = "gpt-x" };
        await _h.StreamAsync(new ThreadsCreateRequest { Params = new() { Input = Input("a", options: options) } });
        var threadId = (await _h.Store.LoadThreadsAsync(10, null, SortOrder.Desc, Alice, default)).Data[0].Id;
        await _h.StreamAsync(new ThreadsAddUserMessageRequest { Params = new() { ThreadId = threadId, Input = Input("b", options: options) } });

        Assert.All(_h.Server.RespondCalls, call => Assert.Equal(options, call.Input!.InferenceOptions));
        Assert.Equal(2, _h.Server.RespondCalls.Count);
    }

    [Fact]
    public async Task Add_user_message_streams_the_message_then_stream_options()
    {
        var threadId = await _h.NewThreadAsync();

        var events = await _h.StreamAsync(new ThreadsAddUserMessageRequest { Params = new() { ThreadId = threadId, Input = Input("Second") } });

        Assert.Equal(2, events.Count);
        Assert.Equal("Second", ((UserMessageTextContent)((UserMessageItem)((ThreadItemDoneEvent)events[0]).Item).Content[0]).Text);
        Assert.IsType<StreamOptionsEvent>(events[1]);
        Assert.Equal(2, (await _h.AllItemsAsync(threadId)).Count);
    }

    private static async IAsyncEnumerable<ThreadStreamEvent> Titled(ThreadMetadata thread, string title)
    {
        await Task.Yield();
        thread.Title = title;
        yield break;
    }

    /// <summary>Sets the domains, then adds one to the same list: a change only a copied snapshot can see.</summary>
    private async IAsyncEnumerable<ThreadStreamEvent> DomainsGrowingInPlace(ThreadMetadata thread)
    {
        thread.AllowedImageDomains = ["a.example.com"];
        yield return new ThreadItemDoneEvent(_h.Assistant(thread.Id, "first"));
        thread.AllowedImageDomains.Add("b.example.com");
        yield return new ThreadItemDoneEvent(_h.Assistant(thread.Id, "second"));
    }

    private static async IAsyncEnumerable<ThreadStreamEvent> Mutate(Action change)
    {
        await Task.Yield();
        change();
        yield break;
    }

    private async IAsyncEnumerable<ThreadStreamEvent> Fails(ThreadMetadata thread, Exception exception)
    {
        yield return new ThreadItemDoneEvent(_h.Assistant(thread.Id, "before"));
        await Task.Yield();
        throw exception;
    }
}
