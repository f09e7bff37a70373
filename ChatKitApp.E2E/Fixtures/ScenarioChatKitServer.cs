using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKitHost;
using ChatKitApp.Feedback;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatKitApp.E2E.Fixtures;

/// <summary>
/// A test-only responder whose behaviour the user's first word picks, so the browser tests can
/// drive every path of the element: <c>slow</c> streams for seconds (Stop), <c>fail</c> fails once
/// (Retry), <c>tool</c> asks the browser for <c>get_page_context</c> and answers from its output,
/// <c>widget</c> shows a card whose button is a server action, <c>syncwidget</c> the same card with a
/// non-streaming action (<c>threads.sync_custom_action</c>), <c>clientwidget</c> the same card with
/// a client-handled action (the page's <c>widgets.onAction</c>), <c>xss</c> answers with markup,
/// <c>events</c> sends a client effect and an update the element cannot apply (a log),
/// <c>deeplink</c> answers with a <c>chatkit-link://</c> link (<see cref="DeeplinkReply"/>),
/// <c>die</c> writes a few words and then drops the connection once the test says so
/// (<see cref="ScenarioLog.Cut"/>; a retry answers); anything else is echoed.
/// </summary>
public sealed class ScenarioChatKitServer(
    IChatKitStore<ChatKitRequestContext> store,
    ChatKitLimits limits,
    TimeProvider timeProvider,
    ILogger<ScenarioChatKitServer> logger,
    IFeedbackStore feedback,
    ScenarioLog log,
    IHttpContextAccessor http)
    : ChatKitServer<ChatKitRequestContext>(store, null, limits, timeProvider, logger)
{
    public const string XssReply =
        "Model says <img src=x onerror=alert(1)> and <script>alert(2)</script>, see [the docs](https://example.com/docs) or [this](javascript:alert(3)).";

    public const string RetriedReply = "Recovered after retry.";

    /// <summary>A reply whose link is a deeplink: clicked, the element fires <c>chatkit.deeplink</c> {order, {id, tab}}.</summary>
    public const string DeeplinkReply = "See [order 42](chatkit-link://order?id=42&tab=items) for details.";

    public const string PartialReply = "The first half of a reply";

    public static readonly TimeSpan SlowDelay = TimeSpan.FromMilliseconds(150);

    public override Task AddFeedbackAsync(
        string threadId, IReadOnlyList<string> itemIds, FeedbackKind kind, ChatKitRequestContext context, CancellationToken cancellationToken) =>
        feedback.AddAsync(new FeedbackEntry(context.UserId, threadId, itemIds, kind, Now()), cancellationToken);

    public override async Task HandleStreamCancelledAsync(
        ThreadMetadata thread, IReadOnlyList<ThreadItem> pendingItems, ChatKitRequestContext context, CancellationToken cancellationToken)
    {
        await base.HandleStreamCancelledAsync(thread, pendingItems, context, cancellationToken);
        log.MarkCancelled(thread.Id);
    }

    public override async IAsyncEnumerable<ThreadStreamEvent> RespondAsync(
        ThreadMetadata thread, UserMessageItem? input, ChatKitRequestContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (input is null)
        {
            await foreach (var e in AnswerFromToolOutputAsync(thread, context, cancellationToken))
            {
                yield return e;
            }

            yield break;
        }

        var text = string.Concat(input.Content.OfType<UserMessageTextContent>().Select(t => t.Text)).Trim();
        thread.Title ??= text.Length <= 40 ? text : text[..40];
        var scenario = text.Split(' ', 2)[0].ToLowerInvariant();
        IAsyncEnumerable<ThreadStreamEvent> events = scenario switch
        {
            "slow" => Message(thread, context, string.Join(' ', Enumerable.Range(1, 60).Select(i => $"word{i:00}")), SlowDelay, cancellationToken),
            "fail" when log.CountAttempt(input.Id) == 1 => throw new InvalidOperationException("Scripted failure."),
            "fail" => Message(thread, context, RetriedReply, TimeSpan.Zero, cancellationToken),
            "tool" => One(new ThreadItemDoneEvent(new ClientToolCallItem
            {
                Id = Store.GenerateItemId(StoreItemType.ToolCall, thread, context),
                ThreadId = thread.Id,
                CreatedAt = Now(),
                CallId = "call_" + Guid.NewGuid().ToString("N")[..8],
                Name = "get_page_context",
            })),
            "widget" or "syncwidget" or "clientwidget" => One(new ThreadItemDoneEvent(new WidgetItem
            {
                Id = Store.GenerateItemId(StoreItemType.Message, thread, context),
                ThreadId = thread.Id,
                CreatedAt = Now(),
                Widget = OrderCard("Order 42 is waiting for approval.", withButton: true, streaming: scenario == "widget", handler: scenario == "clientwidget" ? "client" : "server"),
            })),
            "die" when log.CountAttempt(input.Id) == 1 => DieMidReplyAsync(thread, context, cancellationToken),
            "die" => Message(thread, context, RetriedReply, TimeSpan.Zero, cancellationToken),
            "xss" => Message(thread, context, XssReply, TimeSpan.Zero, cancellationToken),
            "deeplink" => Message(thread, context, DeeplinkReply, TimeSpan.Zero, cancellationToken),
            "events" => Events(thread, context, cancellationToken),
            _ => Message(thread, context, "You said: " + text, TimeSpan.Zero, cancellationToken),
        };

        await foreach (var e in events)
        {
            yield return e;
        }
    }

    public override async IAsyncEnumerable<ThreadStreamEvent> ActionAsync(
        ThreadMetadata thread, ChatKitAction action, WidgetItem? sender, ChatKitRequestContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        log.Actions.Enqueue((thread.Id, sender?.Id, action));
        await Task.Yield();
        if (sender is not null)
        {
            yield return new ThreadItemReplacedEvent(Approved(sender, action));
        }
    }

    public override async Task<SyncCustomActionResponse> SyncActionAsync(
        ThreadMetadata thread, ChatKitAction action, WidgetItem? sender, ChatKitRequestContext context, CancellationToken cancellationToken)
    {
        log.Actions.Enqueue((thread.Id, sender?.Id, action));
        if (sender is null)
        {
            return new();
        }

        var approved = Approved(sender, action);
        await Store.SaveItemAsync(thread.Id, approved, context, cancellationToken);
        return new(approved);
    }

    /// <summary>
    /// A card with a status text and, while undecided, an Approve button that is a server action
    /// (streamed, or answered at once by <c>threads.sync_custom_action</c>).
    /// </summary>
    public static JsonObject OrderCard(string status, bool withButton, bool streaming = true, string handler = "server")
    {
        var children = new JsonArray
        {
            new JsonObject { ["type"] = "Title", ["value"] = "Approval" },
            new JsonObject { ["type"] = "Text", ["id"] = "status", ["value"] = status },
        };
        if (withButton)
        {
            children.Add(new JsonObject
            {
                ["type"] = "Button",
                ["label"] = "Approve",
                ["style"] = "primary",
                ["onClickAction"] = new JsonObject
                {
                    ["type"] = "order.approve", ["handler"] = handler, ["streaming"] = streaming, ["payload"] = new JsonObject { ["order"] = 42 },
                },
            });
        }

        return new JsonObject { ["type"] = "Card", ["children"] = children };
    }

    private static WidgetItem Approved(WidgetItem sender, ChatKitAction action) =>
        sender with { Widget = OrderCard($"Order {action.Payload?["order"]?.GetValue<int>()} approved.", withButton: false) };

    /// <summary>Resuming after the browser ran the tool: answers with what the tool returned.</summary>
    private async IAsyncEnumerable<ThreadStreamEvent> AnswerFromToolOutputAsync(
        ThreadMetadata thread, ChatKitRequestContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var recent = await Store.LoadThreadItemsAsync(thread.Id, null, 20, SortOrder.Desc, context, cancellationToken);
        var call = recent.Data.OfType<ClientToolCallItem>().First(c => c.Status == ClientToolCallStatus.Completed);
        var output = call.Output;
        var reply = $"The page is titled \"{output?["title"]}\" at path {output?["path"]}.";
        await foreach (var e in Message(thread, context, reply, TimeSpan.Zero, cancellationToken))
        {
            yield return e;
        }
    }

    private async IAsyncEnumerable<ThreadStreamEvent> Events(
        ThreadMetadata thread, ChatKitRequestContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return new ClientEffectEvent { Name = "highlight", Data = new JsonObject { ["color"] = "yellow" } };
        yield return new ThreadItemUpdatedEvent("msg_unknown", new AssistantMessageContentPartTextDelta(0, "lost"));
        await foreach (var e in Message(thread, context, "Events sent.", TimeSpan.Zero, cancellationToken))
        {
            yield return e;
        }
    }

    /// <summary>
    /// The server dying mid-reply: the first words of a reply, then (once the test has seen them)
    /// the connection is dropped without the stream's end.
    /// </summary>
    private async IAsyncEnumerable<ThreadStreamEvent> DieMidReplyAsync(
        ThreadMetadata thread, ChatKitRequestContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var message = new AssistantMessageItem { Id = Store.GenerateItemId(StoreItemType.Message, thread, context), ThreadId = thread.Id, CreatedAt = Now() };
        yield return new ThreadItemAddedEvent(message);
        yield return new ThreadItemUpdatedEvent(message.Id, new AssistantMessageContentPartAdded(0, new AssistantMessageContent()));
        yield return new ThreadItemUpdatedEvent(message.Id, new AssistantMessageContentPartTextDelta(0, PartialReply));
        await log.WhenCutAsync(thread.Id, cancellationToken);
        http.HttpContext?.Abort();
    }

    /// <summary>Streams an assistant message a word at a time, waiting <paramref name="delay"/> between words.</summary>
    private async IAsyncEnumerable<ThreadStreamEvent> Message(
        ThreadMetadata thread, ChatKitRequestContext context, string text, TimeSpan delay, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var message = new AssistantMessageItem { Id = Store.GenerateItemId(StoreItemType.Message, thread, context), ThreadId = thread.Id, CreatedAt = Now() };
        yield return new ThreadItemAddedEvent(message);
        yield return new ThreadItemUpdatedEvent(message.Id, new AssistantMessageContentPartAdded(0, new AssistantMessageContent()));
        var words = text.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, cancellationToken);
            }

            yield return new ThreadItemUpdatedEvent(message.Id, new AssistantMessageContentPartTextDelta(0, i == 0 ? words[i] : " " + words[i]));
        }

        var content = new AssistantMessageContent { Text = text };
        yield return new ThreadItemUpdatedEvent(message.Id, new AssistantMessageContentPartDone(0, content));
        yield return new ThreadItemDoneEvent(message with { Content = [content] });
    }

    private static async IAsyncEnumerable<ThreadStreamEvent> One(ThreadStreamEvent e)
    {
        await Task.Yield();
        yield return e;
    }
}
