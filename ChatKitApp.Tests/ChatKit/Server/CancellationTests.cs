using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.Tests.Fixtures;
using static ChatKitApp.Tests.Fixtures.ServerHarness;

namespace ChatKitApp.Tests.ChatKit.Server;

public sealed class CancellationTests
{
    private readonly ServerHarness _h = new();

    [Fact]
    public async Task Cancelling_keeps_the_streamed_text_and_stores_the_hidden_marker()
    {
        var (threadId, events) = await CancelAfterDeltasAsync(["Hello, ", "World!"]);

        Assert.Contains(events, e => e is ThreadItemUpdatedEvent);
        var items = await _h.AllItemsAsync(threadId);
        var marker = Assert.IsType<SdkHiddenContextItem>(items[^1]);
        Assert.Equal("The user cancelled the stream. Stop responding to the prior request.", marker.Content);
        Assert.StartsWith("shcx_", marker.Id, StringComparison.Ordinal);
        var partial = Assert.IsType<AssistantMessageItem>(items[^2]);
        Assert.Equal("Hello, World!", partial.Content[0].Text);
    }

    [Fact]
    public async Task Cancelling_an_empty_reply_stores_only_the_marker()
    {
        var (threadId, _) = await CancelAfterDeltasAsync([]);

        var items = await _h.AllItemsAsync(threadId);
        Assert.Equal(2, items.Count);
        Assert.IsType<UserMessageItem>(items[0]);
        Assert.IsType<SdkHiddenContextItem>(items[1]);
    }

    [Fact]
    public async Task Consumer_abandoning_the_stream_also_runs_the_cancellation_handling()
    {
        _h.Server.Respond = (thread, _, _, ct) => Deltas(thread.Id, ["partial"], ct);
        var stream = (StreamingChatKitResult)await _h.Server.ProcessAsync(Create(), Alice, CancellationToken.None);
        string? threadId = null;
        await using (stream)
        {
            await foreach (var e in stream)
            {
                threadId ??= (e as ThreadCreatedEvent)?.Thread.Id;
                if (e is ThreadItemUpdatedEvent { Update: AssistantMessageContentPartTextDelta })
                {
                    break; // as the endpoint does when the socket is gone
                }
            }
        }

        var items = await _h.AllItemsAsync(threadId!);
        Assert.Equal("partial", ((AssistantMessageItem)items[1]).Content[0].Text);
        Assert.IsType<SdkHiddenContextItem>(items[2]);
    }

    [Fact]
    public async Task Hidden_marker_never_reaches_the_client()
    {
        var (threadId, _) = await CancelAfterDeltasAsync(["text"]);

        var listed = await _h.JsonAsync<Page<ThreadItem>>(new ItemsListRequest { Params = new() { ThreadId = threadId } });

        Assert.DoesNotContain(listed.Data, i => i.IsHidden);
        Assert.Equal(2, listed.Data.Count);
    }

    [Fact]
    public async Task Cancelling_keeps_only_assistant_messages_with_visible_text()
    {
        using var cts = new CancellationTokenSource();
        _h.Server.Respond = (thread, _, _, ct) => PendingOfEveryKind(thread.Id, ct);
        var stream = (StreamingChatKitResult)await _h.Server.ProcessAsync(Create(), Alice, cts.Token);
        string? threadId = null;
        await using (stream)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            {
                await foreach (var e in stream)
                {
                    threadId ??= (e as ThreadCreatedEvent)?.Thread.Id;
                    if (e is ThreadItemAddedEvent { Item: WidgetItem })
                    {
                        await cts.CancelAsync();
                    }
                }
            });
        }

        var items = await _h.AllItemsAsync(threadId!);
        Assert.Collection(items,
            i => Assert.IsType<UserMessageItem>(i),
            i => Assert.Equal("msg_text", i.Id),
            i => Assert.IsType<SdkHiddenContextItem>(i));

        async IAsyncEnumerable<ThreadStreamEvent> PendingOfEveryKind(string id, [EnumeratorCancellation] CancellationToken ct)
        {
            AssistantMessageItem Message(string itemId, string text) =>
                new() { Id = itemId, ThreadId = id, CreatedAt = _h.Server.Now(), Content = [new AssistantMessageContent { Text = text }] };

            yield return new ThreadItemAddedEvent(Message("msg_text", "Kept"));
            yield return new ThreadItemAddedEvent(Message("msg_blank", " \n\t"));
            yield return new ThreadItemAddedEvent(Message("msg_empty", ""));
            yield return new ThreadItemAddedEvent(new WorkflowItem { Id = "wf_1", ThreadId = id, CreatedAt = _h.Server.Now(), Workflow = new Workflow() });
            yield return new ThreadItemAddedEvent(new WidgetItem { Id = "msg_widget", ThreadId = id, CreatedAt = _h.Server.Now(), Widget = new JsonObject { ["type"] = "Card" } });
            await Task.Delay(Timeout.Infinite, ct);
        }
    }

    [Fact]
    public async Task Retry_after_stop_removes_the_partial_reply_and_the_cancellation_marker()
    {
        var (threadId, events) = await CancelAfterDeltasAsync(["Half an ans"]);
        var user = (UserMessageItem)((ThreadItemDoneEvent)events[1]).Item;
        _h.Server.Respond = (thread, _, _, _) => ScriptedChatKitServer.Yield(new ThreadItemDoneEvent(_h.Assistant(thread.Id, "A whole answer")));

        await _h.StreamAsync(new ThreadsRetryAfterItemRequest { Params = new() { ThreadId = threadId, ItemId = user.Id } });

        // The marker would otherwise tell the model the retried answer was cancelled.
        Assert.Collection(await _h.AllItemsAsync(threadId),
            i => Assert.Equal(user.Id, i.Id),
            i => Assert.Equal("A whole answer", Assert.IsType<AssistantMessageItem>(i).Content[0].Text));
    }

    private async Task<(string ThreadId, List<ThreadStreamEvent> Events)> CancelAfterDeltasAsync(string[] deltas)
    {
        using var cts = new CancellationTokenSource();
        _h.Server.Respond = (thread, _, _, ct) => Deltas(thread.Id, deltas, ct);
        var events = new List<ThreadStreamEvent>();
        var stream = (StreamingChatKitResult)await _h.Server.ProcessAsync(Create(), Alice, cts.Token);
        await using (stream)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            {
                await foreach (var e in stream)
                {
                    events.Add(e);
                    if (events.OfType<ThreadItemUpdatedEvent>().Count() == deltas.Length + 1)
                    {
                        await cts.CancelAsync(); // the client pressed Stop
                    }
                }
            });
        }

        return (((ThreadCreatedEvent)events[0]).Thread.Id, events);
    }

    private async IAsyncEnumerable<ThreadStreamEvent> Deltas(string threadId, string[] deltas, [EnumeratorCancellation] CancellationToken ct)
    {
        var message = new AssistantMessageItem { Id = "msg_partial", ThreadId = threadId, CreatedAt = _h.Server.Now() };
        yield return new ThreadItemAddedEvent(message);
        yield return new ThreadItemUpdatedEvent(message.Id, new AssistantMessageContentPartAdded(0, new AssistantMessageContent()));
        foreach (var delta in deltas)
        {
            yield return new ThreadItemUpdatedEvent(message.Id, new AssistantMessageContentPartTextDelta(0, delta));
        }

        await Task.Delay(Timeout.Infinite, ct);
    }
}
