using System.Text.Json.Nodes;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKitHost;
using ChatKitApp.Tests.Fixtures;
using static ChatKitApp.Tests.Fixtures.ServerHarness;

namespace ChatKitApp.Tests.ChatKit.Server;

public sealed class JsonRequestTests
{
    private readonly ServerHarness _h = new();

    [Fact]
    public async Task Threads_list_pages_newest_first_with_a_cursor()
    {
        var ids = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            ids.Add(await _h.NewThreadAsync());
        }

        var first = await _h.JsonAsync<Page<ChatThread>>(new ThreadsListRequest { Params = new() { Limit = 20 } });
        var second = await _h.JsonAsync<Page<ChatThread>>(new ThreadsListRequest { Params = new() { Limit = 20, After = first.After } });

        Assert.Equal(20, first.Data.Count);
        Assert.True(first.HasMore);
        Assert.Equal(first.Data[^1].Id, first.After);
        Assert.Equal(ids.AsEnumerable().Reverse().Take(20), first.Data.Select(t => t.Id));
        Assert.Equal(5, second.Data.Count);
        Assert.False(second.HasMore);
        Assert.Null(second.After);
        Assert.All(first.Data, t => Assert.Empty(t.Items.Data));
    }

    [Fact]
    public async Task Threads_list_with_a_huge_limit_is_clamped_and_keeps_a_cursor()
    {
        var limits = new ChatKitLimits { MaxThreadsPage = 3 };
        var h = new ServerHarness(limits: limits);
        for (var i = 0; i < 5; i++)
        {
            await h.NewThreadAsync();
        }

        var page = await h.JsonAsync<Page<ChatThread>>(new ThreadsListRequest { Params = new() { Limit = 9999 } });

        Assert.Equal(3, page.Data.Count);
        Assert.True(page.HasMore);
        Assert.Equal(page.Data[^1].Id, page.After);
    }

    [Fact]
    public async Task Items_list_with_a_huge_limit_is_clamped_and_keeps_a_cursor()
    {
        var h = new ServerHarness(limits: new ChatKitLimits { MaxThreadsPage = 3 });
        var threadId = await h.NewThreadAsync();
        for (var i = 0; i < 4; i++)
        {
            await h.Store.AddThreadItemAsync(threadId, h.Assistant(threadId, $"reply {i}"), Alice, CancellationToken.None);
        }

        var page = await h.JsonAsync<Page<ThreadItem>>(new ItemsListRequest { Params = new() { ThreadId = threadId, Limit = 9999 } });

        Assert.Equal(3, page.Data.Count);
        Assert.True(page.HasMore);
        Assert.Equal(page.Data[^1].Id, page.After);
    }

    [Fact]
    public async Task Threads_list_with_no_or_zero_limit_uses_the_default_page_size()
    {
        for (var i = 0; i < 22; i++)
        {
            await _h.NewThreadAsync();
        }

        var page = await _h.JsonAsync<Page<ChatThread>>(new ThreadsListRequest { Params = new() { Limit = 0 } });

        Assert.Equal(20, page.Data.Count);
    }

    [Fact]
    public async Task Negative_limit_is_rejected()
    {
        var ex = await Assert.ThrowsAsync<ChatKitRequestException>(() => _h.JsonAsync(new ThreadsListRequest { Params = new() { Limit = -1 } }));
        Assert.Equal(400, ex.StatusCode);
    }

    [Fact]
    public async Task Items_list_pages_newest_first_and_hides_hidden_items()
    {
        var threadId = await _h.NewThreadAsync();
        var thread = await _h.Store.LoadThreadAsync(threadId, Alice, default);
        for (var i = 0; i < 25; i++)
        {
            await _h.Store.AddThreadItemAsync(threadId, _h.Assistant(threadId, $"m{i}"), Alice, default);
        }

        var first = await _h.JsonAsync<Page<ThreadItem>>(new ItemsListRequest { Params = new() { ThreadId = threadId } });
        var second = await _h.JsonAsync<Page<ThreadItem>>(new ItemsListRequest { Params = new() { ThreadId = threadId, After = first.After } });

        Assert.Equal(20, first.Data.Count);
        Assert.True(first.HasMore);
        Assert.Equal("m24", ((AssistantMessageItem)first.Data[0]).Content[0].Text);
        Assert.Equal(6, second.Data.Count);
        Assert.False(second.HasMore);
        Assert.IsType<UserMessageItem>(second.Data[^1]);
        Assert.NotNull(thread);
    }

    [Fact]
    public async Task Items_list_filters_hidden_items_after_paginating_so_a_page_can_be_short()
    {
        // As in the reference (docs/PROTOCOL.md, section 7): the store pages first, then hidden items are dropped.
        var threadId = await _h.NewThreadAsync();
        var userMessage = (await _h.AllItemsAsync(threadId)).Single().Id;
        await _h.Store.AddThreadItemAsync(threadId, _h.Assistant(threadId, "m0", id: "msg_m0"), Alice, default);
        await _h.Store.AddThreadItemAsync(threadId, _h.Assistant(threadId, "m1", id: "msg_m1"), Alice, default);
        await _h.Store.AddThreadItemAsync(threadId, new SdkHiddenContextItem { Id = "shcx_hidden", ThreadId = threadId, CreatedAt = _h.Server.Now(), Content = "hidden" }, Alice, default);
        await _h.Store.AddThreadItemAsync(threadId, _h.Assistant(threadId, "m2", id: "msg_m2"), Alice, default);
        await _h.Store.AddThreadItemAsync(threadId, _h.Assistant(threadId, "m3", id: "msg_m3"), Alice, default);

        var first = await _h.JsonAsync<Page<ThreadItem>>(new ItemsListRequest { Params = new() { ThreadId = threadId, Limit = 3 } });
        var second = await _h.JsonAsync<Page<ThreadItem>>(new ItemsListRequest { Params = new() { ThreadId = threadId, Limit = 3, After = first.After } });

        Assert.Equal(["msg_m3", "msg_m2"], first.Data.Select(i => i.Id)); // 3 stored, 2 shown
        Assert.True(first.HasMore);
        Assert.Equal("shcx_hidden", first.After); // the cursor is the unfiltered page's last item: nothing skipped or repeated
        Assert.Equal(["msg_m1", "msg_m0", userMessage], second.Data.Select(i => i.Id));
        Assert.False(second.HasMore);
        Assert.Null(second.After);
    }

    [Fact]
    public async Task Get_by_id_embeds_the_newest_page_oldest_first()
    {
        var threadId = await _h.NewThreadAsync();
        for (var i = 0; i < 25; i++)
        {
            await _h.Store.AddThreadItemAsync(threadId, _h.Assistant(threadId, $"m{i}"), Alice, default);
        }

        await _h.Store.AddThreadItemAsync(threadId, new SdkHiddenContextItem { Id = "shcx_x", ThreadId = threadId, CreatedAt = _h.Server.Now(), Content = "hidden" }, Alice, default);

        var thread = await _h.JsonAsync<ChatThread>(new ThreadsGetByIdRequest { Params = new() { ThreadId = threadId } });

        var texts = thread.Items.Data.Cast<AssistantMessageItem>().Select(m => m.Content[0].Text).ToList();
        Assert.Equal(Enumerable.Range(6, 19).Select(i => $"m{i}"), texts); // 20 newest minus the hidden one
        Assert.True(thread.Items.HasMore);
        Assert.NotNull(thread.Items.After);

        var older = await _h.JsonAsync<Page<ThreadItem>>(new ItemsListRequest { Params = new() { ThreadId = threadId, After = thread.Items.After } });
        Assert.Equal("m5", ((AssistantMessageItem)older.Data[0]).Content[0].Text);
    }

    [Fact]
    public async Task Get_by_id_returns_the_user_message_first_for_a_short_thread()
    {
        var threadId = await _h.NewThreadAsync(text: "First words");

        var thread = await _h.JsonAsync<ChatThread>(new ThreadsGetByIdRequest { Params = new() { ThreadId = threadId } });

        Assert.Equal(threadId, thread.Id);
        Assert.Equal("First words", ((UserMessageTextContent)((UserMessageItem)thread.Items.Data[0]).Content[0]).Text);
        Assert.False(thread.Items.HasMore);
    }

    [Fact]
    public async Task Threads_update_sets_the_title()
    {
        var threadId = await _h.NewThreadAsync();

        var thread = await _h.JsonAsync<ChatThread>(new ThreadsUpdateRequest { Params = new() { ThreadId = threadId, Title = "Renamed" } });

        Assert.Equal("Renamed", thread.Title);
        Assert.Equal("Renamed", (await _h.Store.LoadThreadAsync(threadId, Alice, default)).Title);
    }

    [Fact]
    public async Task Threads_delete_answers_empty_object_then_the_thread_is_gone()
    {
        var threadId = await _h.NewThreadAsync();

        var result = await _h.JsonAsync(new ThreadsDeleteRequest { Params = new() { ThreadId = threadId } });

        Assert.Equal("{}", result.ToJsonString());
        var ex = await Assert.ThrowsAsync<ChatKitRequestException>(() => _h.JsonAsync(new ThreadsGetByIdRequest { Params = new() { ThreadId = threadId } }));
        Assert.Equal(404, ex.StatusCode);
    }

    [Fact]
    public async Task Feedback_reaches_the_hook_and_answers_empty_object()
    {
        var threadId = await _h.NewThreadAsync();

        var first = await _h.JsonAsync(new ItemsFeedbackRequest { Params = new() { ThreadId = threadId, ItemIds = ["a", "b"], Kind = FeedbackKind.Positive } });
        await _h.JsonAsync(new ItemsFeedbackRequest { Params = new() { ThreadId = threadId, ItemIds = ["c"], Kind = FeedbackKind.Negative } });

        Assert.Equal("{}", first.ToJsonString());
        Assert.Equal(2, _h.Server.FeedbackCalls.Count);
        Assert.Equal((threadId, FeedbackKind.Positive), (_h.Server.FeedbackCalls[0].ThreadId, _h.Server.FeedbackCalls[0].Kind));
        Assert.Equal(["a", "b"], _h.Server.FeedbackCalls[0].ItemIds);
        Assert.Equal(FeedbackKind.Negative, _h.Server.FeedbackCalls[1].Kind);
    }

    [Fact]
    public async Task Feedback_on_another_users_thread_is_not_found()
    {
        var threadId = await _h.NewThreadAsync(Alice);

        var ex = await Assert.ThrowsAsync<ChatKitRequestException>(() =>
            _h.JsonAsync(new ItemsFeedbackRequest { Params = new() { ThreadId = threadId, ItemIds = ["a"], Kind = FeedbackKind.Positive } }, Bob));

        Assert.Equal(404, ex.StatusCode);
        Assert.Empty(_h.Server.FeedbackCalls);
    }

    [Fact]
    public async Task Transcribe_decodes_base64_and_strips_mime_parameters()
    {
        _h.Server.Transcribe = (audio, _) => new TranscriptionResult($"{audio.Data.Length} bytes of {audio.MediaType}");
        var context = new ChatKitRequestContext("alice");

        var result = await _h.JsonAsync(new InputTranscribeRequest
        {
            Params = new() { AudioBase64 = Convert.ToBase64String([1, 2, 3]), MimeType = "audio/webm;codecs=opus" },
        }, context);

        Assert.Equal("3 bytes of audio/webm", result["text"]!.GetValue<string>());
        var call = _h.Server.TranscribeCalls.Single();
        Assert.Equal("audio/webm;codecs=opus", call.Audio.MimeType);
        Assert.Equal([1, 2, 3], call.Audio.Data);
        Assert.Same(context, call.Context);
    }

    [Fact]
    public async Task Transcribe_with_invalid_base64_is_a_bad_request_and_unsupported_by_default()
    {
        var bad = await Assert.ThrowsAsync<ChatKitRequestException>(() =>
            _h.JsonAsync(new InputTranscribeRequest { Params = new() { AudioBase64 = "***", MimeType = "audio/ogg" } }));
        var unsupported = await Assert.ThrowsAsync<ChatKitRequestException>(() =>
            _h.JsonAsync(new InputTranscribeRequest { Params = new() { AudioBase64 = "AQID", MimeType = "audio/ogg" } }));

        Assert.Equal(400, bad.StatusCode);
        Assert.Equal(501, unsupported.StatusCode);
    }

    [Fact]
    public async Task Sync_custom_action_returns_the_updated_widget()
    {
        var threadId = await _h.NewThreadAsync();
        var widget = new WidgetItem { Id = "msg_w", ThreadId = threadId, CreatedAt = _h.Server.Now(), Widget = new JsonObject { ["type"] = "Card" } };
        await _h.Store.AddThreadItemAsync(threadId, widget, Alice, default);
        _h.Server.SyncAction = (_, action, sender) => new SyncCustomActionResponse(sender! with { CopyText = (string?)action.Payload?["text"] });

        var result = await _h.JsonAsync(new ThreadsSyncCustomActionRequest
        {
            Params = new() { ThreadId = threadId, ItemId = "msg_w", Action = new ChatKitAction { Type = "rename", Payload = new JsonObject { ["text"] = "Hi there" } } },
        });

        Assert.Equal("Hi there", result["updated_item"]!["copy_text"]!.GetValue<string>());
        Assert.Equal("widget", result["updated_item"]!["type"]!.GetValue<string>());
        Assert.Equal("msg_w", _h.Server.ActionCalls.Single().Sender!.Id);
    }

    [Fact]
    public async Task Sync_custom_action_without_a_result_answers_empty_object_and_non_widget_sender_is_rejected()
    {
        var threadId = await _h.NewThreadAsync();
        _h.Server.SyncAction = (_, _, _) => new SyncCustomActionResponse();
        var userMessageId = (await _h.AllItemsAsync(threadId))[0].Id;

        var empty = await _h.JsonAsync(new ThreadsSyncCustomActionRequest { Params = new() { ThreadId = threadId, Action = new ChatKitAction { Type = "x" } } });
        var ex = await Assert.ThrowsAsync<ChatKitRequestException>(() =>
            _h.JsonAsync(new ThreadsSyncCustomActionRequest { Params = new() { ThreadId = threadId, ItemId = userMessageId, Action = new ChatKitAction { Type = "x" } } }));

        Assert.Equal("{}", empty.ToJsonString());
        Assert.Equal(400, ex.StatusCode);
    }

    [Fact]
    public async Task Custom_id_generators_are_used_for_threads_and_messages()
    {
        var h = new ServerHarness(store: new PrefixedIdStore());

        var events = await h.StreamAsync(Create());

        Assert.Equal("custom-thread", ((ThreadCreatedEvent)events[0]).Thread.Id);
        Assert.Equal("custom-Message", ((ThreadItemDoneEvent)events[1]).Item.Id);
    }

    private sealed class PrefixedIdStore() : DelegatingStore(new MemoryStore<ChatKitRequestContext>())
    {
        public override string GenerateThreadId(ChatKitRequestContext context) => "custom-thread";

        public override string GenerateItemId(StoreItemType itemType, ThreadMetadata thread, ChatKitRequestContext context) => $"custom-{itemType}";
    }
}
