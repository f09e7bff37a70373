using System.Runtime.CompilerServices;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKitHost;

namespace ChatKitApp.Tests.Fixtures;

/// <summary>A server whose responder and hooks are set per test, and which records what they received.</summary>
public sealed class ScriptedChatKitServer(
    IChatKitStore<ChatKitRequestContext> store,
    IAttachmentStore<ChatKitRequestContext>? attachmentStore = null,
    ChatKitLimits? limits = null,
    TimeProvider? timeProvider = null,
    IChatKitTransientFailures? transientFailures = null)
    : ChatKitServer<ChatKitRequestContext>(store, attachmentStore, limits, timeProvider, transientFailures: transientFailures)
{
    public delegate IAsyncEnumerable<ThreadStreamEvent> Responder(ThreadMetadata thread, UserMessageItem? input, ChatKitRequestContext context, CancellationToken cancellationToken);

    public delegate IAsyncEnumerable<ThreadStreamEvent> ActionResponder(ThreadMetadata thread, ChatKitAction action, WidgetItem? sender, ChatKitRequestContext context, CancellationToken cancellationToken);

    public Responder Respond { get; set; } = (_, _, _, ct) => Nothing(ct);

    public ActionResponder? Action { get; set; }

    public Func<ThreadMetadata, ChatKitAction, WidgetItem?, SyncCustomActionResponse>? SyncAction { get; set; }

    public Func<AudioInput, ChatKitRequestContext, TranscriptionResult>? Transcribe { get; set; }

    public List<(UserMessageItem? Input, ChatKitRequestContext Context)> RespondCalls { get; } = [];

    public List<(ChatKitAction Action, WidgetItem? Sender)> ActionCalls { get; } = [];

    public List<(string ThreadId, IReadOnlyList<string> ItemIds, FeedbackKind Kind, ChatKitRequestContext Context)> FeedbackCalls { get; } = [];

    public List<(AudioInput Audio, ChatKitRequestContext Context)> TranscribeCalls { get; } = [];

    public new DateTimeOffset Now() => base.Now();

    public new IReadOnlyList<ThreadItem>? ItemsOfNewThread(ThreadMetadata thread) => base.ItemsOfNewThread(thread);

    public override IAsyncEnumerable<ThreadStreamEvent> RespondAsync(
        ThreadMetadata thread, UserMessageItem? input, ChatKitRequestContext context, CancellationToken cancellationToken)
    {
        RespondCalls.Add((input, context));
        return Respond(thread, input, context, cancellationToken);
    }

    public override IAsyncEnumerable<ThreadStreamEvent> ActionAsync(
        ThreadMetadata thread, ChatKitAction action, WidgetItem? sender, ChatKitRequestContext context, CancellationToken cancellationToken)
    {
        ActionCalls.Add((action, sender));
        return Action is null ? base.ActionAsync(thread, action, sender, context, cancellationToken) : Action(thread, action, sender, context, cancellationToken);
    }

    public override Task<SyncCustomActionResponse> SyncActionAsync(
        ThreadMetadata thread, ChatKitAction action, WidgetItem? sender, ChatKitRequestContext context, CancellationToken cancellationToken)
    {
        ActionCalls.Add((action, sender));
        return SyncAction is null
            ? base.SyncActionAsync(thread, action, sender, context, cancellationToken)
            : Task.FromResult(SyncAction(thread, action, sender));
    }

    public override Task AddFeedbackAsync(
        string threadId, IReadOnlyList<string> itemIds, FeedbackKind kind, ChatKitRequestContext context, CancellationToken cancellationToken)
    {
        FeedbackCalls.Add((threadId, itemIds, kind, context));
        return Task.CompletedTask;
    }

    public override Task<TranscriptionResult> TranscribeAsync(AudioInput audio, ChatKitRequestContext context, CancellationToken cancellationToken)
    {
        TranscribeCalls.Add((audio, context));
        return Transcribe is null ? base.TranscribeAsync(audio, context, cancellationToken) : Task.FromResult(Transcribe(audio, context));
    }

    public static async IAsyncEnumerable<ThreadStreamEvent> Yield(params ThreadStreamEvent[] events)
    {
        foreach (var e in events)
        {
            await Task.Yield();
            yield return e;
        }
    }

    public static async IAsyncEnumerable<ThreadStreamEvent> Nothing([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        yield break;
    }
}
