using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatKitApp.ChatKit.Server;

/// <summary>
/// The ChatKit engine: parses requests, checks them against the store, runs the integrator's
/// <see cref="RespondAsync"/> (or action) inside the response pipeline, and persists what it streams.
/// Subclass it and implement <see cref="RespondAsync"/>; the other hooks are optional.
/// </summary>
public abstract partial class ChatKitServer<TContext>
{
    /// <summary>The marker stored when the user stops a response, so the model knows on the next turn.</summary>
    public const string CancelledMarker = "The user cancelled the stream. Stop responding to the prior request.";

    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    private readonly ChatKitLimits _limits;
    private readonly ILogger _logger;
    private readonly IChatKitTransientFailures _transientFailures;
    private readonly IChatKitTranscriber<TContext> _transcriber;

    // Threads created by a request that is still answering their first message (see ItemsOfNewThread).
    private readonly ConditionalWeakTable<ThreadMetadata, UserMessageItem> _firstMessages = new();

    protected ChatKitServer(
        IChatKitStore<TContext> store,
        IAttachmentStore<TContext>? attachmentStore = null,
        ChatKitLimits? limits = null,
        TimeProvider? timeProvider = null,
        ILogger? logger = null,
        IChatKitTransientFailures? transientFailures = null,
        IChatKitTranscriber<TContext>? transcriber = null)
    {
        Store = store;
        AttachmentStore = attachmentStore;
        _limits = limits ?? new ChatKitLimits();
        Time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _transientFailures = transientFailures ?? new NoTransientFailures();
        _transcriber = transcriber ?? new NoTranscription<TContext>();
    }

    protected IChatKitStore<TContext> Store { get; }

    protected IAttachmentStore<TContext>? AttachmentStore { get; }

    protected ILogger Logger => _logger;

    /// <summary>The clock behind <see cref="Now"/>; subclasses time their own waits with it, so tests control those too.</summary>
    protected TimeProvider Time { get; }

    /// <summary>
    /// Produces the assistant's turn. <paramref name="input"/> is the new (or retried) user message,
    /// or null when a client tool output or a structured input answer resumes the turn. Set
    /// <paramref name="thread"/>'s title, status or metadata to have them saved and streamed.
    /// </summary>
    public abstract IAsyncEnumerable<ThreadStreamEvent> RespondAsync(
        ThreadMetadata thread, UserMessageItem? input, TContext context, CancellationToken cancellationToken);

    /// <summary>Handles a widget's custom action as a stream. The default fails with an error event.</summary>
    public virtual IAsyncEnumerable<ThreadStreamEvent> ActionAsync(
        ThreadMetadata thread, ChatKitAction action, WidgetItem? sender, TContext context, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{GetType().Name} does not handle custom actions.");

    /// <summary>Handles a non-streaming widget action; the handler saves any item it changes.</summary>
    public virtual Task<SyncCustomActionResponse> SyncActionAsync(
        ThreadMetadata thread, ChatKitAction action, WidgetItem? sender, TContext context, CancellationToken cancellationToken) =>
        throw ChatKitRequestException.NotImplemented("Synchronous custom actions are not supported.");

    /// <summary>
    /// Checks a new user message (its inference options, say) before anything is stored; throw a
    /// <see cref="ChatKitRequestException"/> to answer 4xx instead of starting a stream.
    /// </summary>
    protected virtual void ValidateUserInput(UserMessageInput input, TContext context)
    {
    }

    /// <summary>Records a thumbs up or down. The default does nothing.</summary>
    public virtual Task AddFeedbackAsync(
        string threadId, IReadOnlyList<string> itemIds, FeedbackKind kind, TContext context, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>Turns dictated audio into text with the host's <see cref="IChatKitTranscriber{TContext}"/>; not supported (501) without one.</summary>
    public virtual Task<TranscriptionResult> TranscribeAsync(AudioInput audio, TContext context, CancellationToken cancellationToken) =>
        _transcriber.TranscribeAsync(audio, context, cancellationToken);

    /// <summary>Options sent first in every stream. By default the user may stop a response.</summary>
    public virtual StreamOptions GetStreamOptions(ThreadMetadata thread, TContext context) => new(AllowCancel: true);

    /// <summary>
    /// Runs when the client goes away mid-stream, with a token that is not cancelled. The default keeps
    /// assistant messages that already had text and records the cancellation for the next turn.
    /// </summary>
    public virtual async Task HandleStreamCancelledAsync(
        ThreadMetadata thread, IReadOnlyList<ThreadItem> pendingItems, TContext context, CancellationToken cancellationToken)
    {
        foreach (var item in pendingItems)
        {
            if (item is AssistantMessageItem message && message.Content.Any(part => !string.IsNullOrWhiteSpace(part.Text)))
            {
                await Store.AddThreadItemAsync(thread.Id, message, context, cancellationToken);
            }
        }

        await Store.AddThreadItemAsync(thread.Id, new SdkHiddenContextItem
        {
            Id = Store.GenerateItemId(StoreItemType.SdkHiddenContext, thread, context),
            ThreadId = thread.Id,
            CreatedAt = Now(),
            Content = CancelledMarker,
        }, context, cancellationToken);
    }

    /// <summary>Parses a raw request body and processes it.</summary>
    public Task<ChatKitResult> ProcessAsync(ReadOnlyMemory<byte> body, TContext context, CancellationToken cancellationToken) =>
        ProcessAsync(ChatKitRequestParser.Parse(body.Span), context, cancellationToken);

    /// <summary>
    /// Processes one request. Throws <see cref="ChatKitRequestException"/> for anything that is wrong
    /// before a response starts (unknown thread, wrong item, bad input); once a stream has started,
    /// failures become <c>error</c> events.
    /// </summary>
    public async Task<ChatKitResult> ProcessAsync(ChatKitRequest request, TContext context, CancellationToken cancellationToken)
    {
        try
        {
            if (request.IsStreaming)
            {
                var events = ProcessStreaming(request, context, cancellationToken);
                return await StreamingChatKitResult.StartAsync(events, cancellationToken);
            }

            return new JsonChatKitResult(await ProcessNonStreamingAsync(request, context, cancellationToken));
        }
        catch (NotFoundException ex)
        {
            throw ChatKitRequestException.NotFound(ex.Message);
        }
    }

    /// <summary>Now, at the microsecond precision that stores (PostgreSQL) keep.</summary>
    protected DateTimeOffset Now()
    {
        var now = Time.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);
    }

    private IAsyncEnumerable<ThreadStreamEvent> ProcessStreaming(ChatKitRequest request, TContext context, CancellationToken cancellationToken) =>
        request switch
        {
            ThreadsCreateRequest r => CreateThreadAsync(r.Params.Input, context, cancellationToken),
            ThreadsAddUserMessageRequest r => AddUserMessageAsync(r.Params, context, cancellationToken),
            ThreadsAddClientToolOutputRequest r => AddClientToolOutputAsync(r.Params, context, cancellationToken),
            ThreadsAddStructuredInputRequest r => AddStructuredInputAsync(r.Params, context, cancellationToken),
            ThreadsRetryAfterItemRequest r => RetryAfterItemAsync(r.Params, context, cancellationToken),
            ThreadsCustomActionRequest r => CustomActionAsync(r.Params, context, cancellationToken),
            _ => throw ChatKitRequestException.BadRequest($"'{request.GetType().Name}' is not a streaming request."),
        };

    private async Task<byte[]> ProcessNonStreamingAsync(ChatKitRequest request, TContext context, CancellationToken cancellationToken)
    {
        switch (request)
        {
            case ThreadsGetByIdRequest r:
                return Serialize(await GetThreadAsync(r.Params.ThreadId, context, cancellationToken));

            case ThreadsListRequest r:
                var threads = await Store.LoadThreadsAsync(PageSize(r.Params.Limit), r.Params.After, r.Params.Order, context, cancellationToken);
                return Serialize(new Page<ChatThread>
                {
                    Data = [.. threads.Data.Select(t => ChatThread.From(t))],
                    HasMore = threads.HasMore,
                    After = threads.After,
                });

            case ThreadsUpdateRequest r:
                // Only the title, in one atomic step: a rename never resurrects a thread deleted
                // meanwhile, nor undoes what a streaming response saved on the thread.
                var renamed = await Store.UpdateThreadAsync(r.Params.ThreadId, t => t with { Title = r.Params.Title }, context, cancellationToken)
                    ?? throw ChatKitRequestException.NotFound($"Thread '{r.Params.ThreadId}' not found.");
                return Serialize(ChatThread.From(renamed));

            case ThreadsDeleteRequest r:
                await Store.LoadThreadAsync(r.Params.ThreadId, context, cancellationToken);
                if (AttachmentStore is not null)
                {
                    await AttachmentStore.DeleteThreadAttachmentsAsync(r.Params.ThreadId, context, cancellationToken);
                }

                await Store.DeleteThreadAsync(r.Params.ThreadId, context, cancellationToken);
                return EmptyObject;

            case ItemsListRequest r:
                await Store.LoadThreadAsync(r.Params.ThreadId, context, cancellationToken);
                var items = await Store.LoadThreadItemsAsync(r.Params.ThreadId, r.Params.After, PageSize(r.Params.Limit), r.Params.Order, context, cancellationToken);
                return Serialize(items with { Data = WithoutHidden(items.Data) });

            case ItemsFeedbackRequest r:
                await Store.LoadThreadAsync(r.Params.ThreadId, context, cancellationToken);
                await AddFeedbackAsync(r.Params.ThreadId, r.Params.ItemIds, r.Params.Kind, context, cancellationToken);
                return EmptyObject;

            case AttachmentsCreateRequest r:
                var attachment = await RequireAttachmentStore().CreateAttachmentAsync(r.Params, context, cancellationToken);
                await Store.SaveAttachmentAsync(attachment, context, cancellationToken);
                return Serialize(attachment);

            case AttachmentsDeleteRequest r:
                var attachments = RequireAttachmentStore();
                await Store.LoadAttachmentAsync(r.Params.AttachmentId, context, cancellationToken); // ownership check
                await attachments.DeleteAttachmentAsync(r.Params.AttachmentId, context, cancellationToken);
                await Store.DeleteAttachmentAsync(r.Params.AttachmentId, context, cancellationToken);
                return EmptyObject;

            case InputTranscribeRequest r:
                return Serialize(await TranscribeAsync(new AudioInput(DecodeBase64(r.Params.AudioBase64), r.Params.MimeType), context, cancellationToken));

            case ThreadsSyncCustomActionRequest r:
                var actionThread = await Store.LoadThreadAsync(r.Params.ThreadId, context, cancellationToken);
                var sender = await LoadSenderAsync(r.Params, context, cancellationToken);
                if (r.Params.ItemId is not null && sender is null)
                {
                    throw ChatKitRequestException.BadRequest($"Item '{r.Params.ItemId}' is not a widget.");
                }

                return Serialize(await SyncActionAsync(actionThread, r.Params.Action, sender, context, cancellationToken));

            default:
                throw ChatKitRequestException.BadRequest($"'{request.GetType().Name}' is not a JSON request.");
        }
    }

    private async Task<ChatThread> GetThreadAsync(string threadId, TContext context, CancellationToken cancellationToken)
    {
        var thread = await Store.LoadThreadAsync(threadId, context, cancellationToken);

        // The newest page, shown oldest-first: a long thread opens at its end, and older items are
        // fetched with items.list from the returned cursor. (The reference returns the oldest page.)
        var newest = await Store.LoadThreadItemsAsync(threadId, null, _limits.DefaultPageSize, SortOrder.Desc, context, cancellationToken);
        var ascending = WithoutHidden(newest.Data);
        ascending.Reverse();
        return ChatThread.From(thread, newest with { Data = ascending });
    }

    private async IAsyncEnumerable<ThreadStreamEvent> CreateThreadAsync(
        UserMessageInput input, TContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ValidateUserInput(input, context);
        var attachments = await LoadAttachmentsAsync(input, context, cancellationToken);
        var thread = new ThreadMetadata { Id = Store.GenerateThreadId(context), CreatedAt = Now() };
        var message = await NewUserMessageItemAsync(thread, input, attachments, context, cancellationToken);

        // Inserted with its first message and its lease held, in one store call: nobody waits for the
        // lease yet, but from thread.created on another tab may write to the thread.
        await using var lease = await ThreadLease<TContext>.CreateThreadAsync(Store, thread, message, context, _limits, Time, _logger, cancellationToken);
        yield return new ThreadCreatedEvent(ChatThread.From(thread));
        yield return new ThreadItemDoneEvent(message);

        _firstMessages.AddOrUpdate(thread, message);
        try
        {
            await foreach (var e in RunPipelineAsync(thread, () => RespondAsync(thread, message, context, cancellationToken), context, cancellationToken))
            {
                yield return e;
            }
        }
        finally
        {
            _firstMessages.Remove(thread);
        }
    }

    /// <summary>
    /// For a thread that this request created, and while nothing but its first user message has been
    /// stored: that message, so a responder need not read back what was just written (one database
    /// round trip less per new thread). Null for every other thread.
    /// </summary>
    protected IReadOnlyList<ThreadItem>? ItemsOfNewThread(ThreadMetadata thread) =>
        _firstMessages.TryGetValue(thread, out var message) ? [message] : null;

    private async IAsyncEnumerable<ThreadStreamEvent> AddUserMessageAsync(
        ThreadAddUserMessageParams p, TContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ValidateUserInput(p.Input, context);
        await using var lease = await LeaseThreadAsync(p.ThreadId, context, cancellationToken);
        var thread = lease.Thread;
        var attachments = await LoadAttachmentsAsync(p.Input, context, cancellationToken);
        var message = await AddUserMessageItemAsync(thread, p.Input, attachments, context, cancellationToken);
        yield return new ThreadItemDoneEvent(message);

        await foreach (var e in RunPipelineAsync(thread, () => RespondAsync(thread, message, context, cancellationToken), context, cancellationToken))
        {
            yield return e;
        }
    }

    private async IAsyncEnumerable<ThreadStreamEvent> AddClientToolOutputAsync(
        ThreadAddClientToolOutputParams p, TContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var lease = await LeaseThreadAsync(p.ThreadId, context, cancellationToken);
        var thread = lease.Thread;
        var recent = await Store.LoadThreadItemsAsync(thread.Id, null, _limits.DefaultPageSize, SortOrder.Desc, context, cancellationToken);

        // The newest visible item must be the pending call. Hidden items are skipped: the reference
        // looks only at the very newest item and breaks when hidden context was stored after the call.
        if (recent.Data.FirstOrDefault(i => !i.IsHidden) is not ClientToolCallItem { Status: ClientToolCallStatus.Pending } call)
        {
            throw ChatKitRequestException.Conflict($"Thread '{thread.Id}' has no pending client tool call.");
        }

        await Store.SaveItemAsync(thread.Id, call with { Status = ClientToolCallStatus.Completed, Output = p.Result }, context, cancellationToken);
        foreach (var dangling in recent.Data.OfType<ClientToolCallItem>().Where(i => i.Id != call.Id && i.Status == ClientToolCallStatus.Pending))
        {
            LogDanglingToolCall(dangling.Id, thread.Id);
            await Store.DeleteThreadItemAsync(thread.Id, dangling.Id, context, cancellationToken);
        }

        await foreach (var e in RunPipelineAsync(thread, () => RespondAsync(thread, null, context, cancellationToken), context, cancellationToken))
        {
            yield return e;
        }
    }

    private async IAsyncEnumerable<ThreadStreamEvent> AddStructuredInputAsync(
        ThreadAddStructuredInputParams p, TContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (p.Input.Status == StructuredInputStatus.Pending)
        {
            throw ChatKitRequestException.BadRequest("A structured input submission must be 'answered' or 'skipped'.");
        }

        await using var lease = await LeaseThreadAsync(p.ThreadId, context, cancellationToken);
        var thread = lease.Thread;
        var item = await Store.LoadItemAsync(thread.Id, p.ItemId, context, cancellationToken);
        if (item is not StructuredInputItem structured)
        {
            throw ChatKitRequestException.BadRequest($"Item '{p.ItemId}' is not a structured input.");
        }

        if (structured.Status != StructuredInputStatus.Pending)
        {
            throw ChatKitRequestException.Conflict($"Structured input '{p.ItemId}' is not pending.");
        }

        var answered = StructuredInputAnswers.Apply(structured, p.Input);
        await foreach (var e in RunPipelineAsync(thread, () => AnsweredThenRespond(thread, answered, context, cancellationToken), context, cancellationToken))
        {
            yield return e;
        }
    }

    private async IAsyncEnumerable<ThreadStreamEvent> AnsweredThenRespond(
        ThreadMetadata thread, StructuredInputItem answered, TContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return new ThreadItemReplacedEvent(answered);
        await foreach (var e in RespondAsync(thread, null, context, cancellationToken))
        {
            yield return e;
        }
    }

    private async IAsyncEnumerable<ThreadStreamEvent> RetryAfterItemAsync(
        ThreadRetryAfterItemParams p, TContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var lease = await LeaseThreadAsync(p.ThreadId, context, cancellationToken);
        var thread = lease.Thread;
        var (target, newer) = await FindRetryTargetAsync(thread.Id, p.ItemId, context, cancellationToken);
        foreach (var item in newer)
        {
            await Store.DeleteThreadItemAsync(thread.Id, item.Id, context, cancellationToken);
        }

        await foreach (var e in RunPipelineAsync(thread, () => RespondAsync(thread, target, context, cancellationToken), context, cancellationToken))
        {
            yield return e;
        }
    }

    /// <summary>
    /// The thread's write lease for the rest of the request (see <see cref="ThreadLease{TContext}"/>):
    /// every request that changes a thread's items takes it before it reads the thread, and reads
    /// the thread with it (<see cref="ThreadLease{TContext}.Thread"/>, one store call).
    /// </summary>
    private Task<ThreadLease<TContext>> LeaseThreadAsync(string threadId, TContext context, CancellationToken cancellationToken) =>
        ThreadLease<TContext>.AcquireAsync(Store, threadId, context, _limits, Time, _logger, cancellationToken);

    /// <summary>Walks the thread newest-first to the target, collecting everything after it.</summary>
    private async Task<(UserMessageItem Target, List<ThreadItem> Newer)> FindRetryTargetAsync(
        string threadId, string itemId, TContext context, CancellationToken cancellationToken)
    {
        var newer = new List<ThreadItem>();
        string? after = null;
        do
        {
            var page = await Store.LoadThreadItemsAsync(threadId, after, _limits.DefaultPageSize, SortOrder.Desc, context, cancellationToken);
            foreach (var item in page.Data)
            {
                if (item.Id == itemId)
                {
                    return item is UserMessageItem target
                        ? (target, newer)
                        : throw ChatKitRequestException.BadRequest($"Item '{itemId}' is not a user message.");
                }

                newer.Add(item);
            }

            after = page.HasMore ? page.After : null;
        }
        while (after is not null);

        throw ChatKitRequestException.NotFound($"Item '{itemId}' not found in thread '{threadId}'.");
    }

    private async IAsyncEnumerable<ThreadStreamEvent> CustomActionAsync(
        ThreadCustomActionParams p, TContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var lease = await LeaseThreadAsync(p.ThreadId, context, cancellationToken);
        var thread = lease.Thread;
        var sender = await LoadSenderAsync(p, context, cancellationToken);
        if (p.ItemId is not null && sender is null)
        {
            // As the reference: an action from something that is not a widget gets one error event.
            yield return new ErrorEvent { Code = ErrorCodes.StreamError, AllowRetry = false };
            yield break;
        }

        await foreach (var e in RunPipelineAsync(thread, () => ActionAsync(thread, p.Action, sender, context, cancellationToken), context, cancellationToken))
        {
            yield return e;
        }
    }

    /// <summary>
    /// The response pipeline: stream options first; items stored as they complete (done, replaced,
    /// removed); hidden items stored but not sent; <c>thread.updated</c> after any thread change;
    /// responder exceptions as <c>error</c> events; and, when the client goes away, the pending items
    /// handed to <see cref="HandleStreamCancelledAsync"/> with a fresh token. When the thread is
    /// deleted meanwhile, the rest of the response is dropped and the stream ends quietly.
    /// </summary>
    private async IAsyncEnumerable<ThreadStreamEvent> RunPipelineAsync(
        ThreadMetadata thread, Func<IAsyncEnumerable<ThreadStreamEvent>> source, TContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return new StreamOptionsEvent(GetStreamOptions(thread, context));

        var snapshot = ThreadChanges.Snapshot(thread);
        var pending = new PendingItems();
        var ended = false;
        var failed = false; // an error event was sent
        var deleted = false; // the thread was deleted meanwhile
        IAsyncEnumerator<ThreadStreamEvent>? enumerator = null;
        try
        {
            while (true)
            {
                ThreadStreamEvent current;
                bool forward;
                ErrorEvent? error = null;
                try
                {
                    // Created inside the try: a responder that throws before its first event is a failure like any other.
                    enumerator ??= source().GetAsyncEnumerator(cancellationToken);
                    if (!await enumerator.MoveNextAsync())
                    {
                        break;
                    }

                    current = enumerator.Current;
                    forward = await ApplyAsync(thread, current, pending, context, cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (ThreadDeletedException)
                {
                    deleted = true;
                    break;
                }
                catch (Exception ex)
                {
                    error = ToErrorEvent(ex);
                    current = error;
                    forward = false;
                }

                if (error is not null)
                {
                    failed = true;
                    yield return error;
                    break;
                }

                if (forward)
                {
                    yield return current;
                }

                var change = await TrySaveIfChangedAsync(thread, snapshot, context, cancellationToken);
                if (change.Deleted)
                {
                    deleted = true;
                    break;
                }

                if (change.Error is not null)
                {
                    failed = true;
                    yield return change.Error;
                    break;
                }

                if (change.Snapshot is not null)
                {
                    snapshot = change.Snapshot;
                }

                if (change.Event is not null)
                {
                    yield return change.Event;
                }
            }

            ended = true;
        }
        finally
        {
            if (enumerator is not null)
            {
                await enumerator.DisposeAsync();
            }

            if (!ended)
            {
                LogStreamCancelled(thread.Id, pending.Count);
                await HandleCancelledUnlessDeletedAsync(thread, pending, context);
            }
        }

        if (deleted)
        {
            LogThreadDeletedWhileStreaming(thread.Id);
            yield break;
        }

        var last = await TrySaveIfChangedAsync(thread, snapshot, context, cancellationToken);
        if (last.Deleted)
        {
            LogThreadDeletedWhileStreaming(thread.Id);
        }
        else if (last.Error is not null && !failed)
        {
            yield return last.Error;
        }
        else if (last.Event is not null)
        {
            yield return last.Event;
        }
    }

    private async Task HandleCancelledUnlessDeletedAsync(ThreadMetadata thread, PendingItems pending, TContext context)
    {
        try
        {
            await HandleStreamCancelledAsync(thread, pending.Snapshot(), context, CancellationToken.None);
        }
        catch (NotFoundException)
        {
            // Deleted while streaming: what was pending goes with it.
            LogThreadDeletedWhileStreaming(thread.Id);
        }
    }

    /// <summary>Persists what an event completes; returns whether the event goes to the client.</summary>
    private async Task<bool> ApplyAsync(
        ThreadMetadata thread, ThreadStreamEvent e, PendingItems pending, TContext context, CancellationToken cancellationToken)
    {
        try
        {
            switch (e)
            {
                case ThreadItemAddedEvent added:
                    pending.Add(added.Item);
                    return true;
                case ThreadItemUpdatedEvent updated:
                    pending.Apply(updated.ItemId, updated.Update);
                    return true;
                case ThreadItemDoneEvent done:
                    await Store.AddThreadItemAsync(thread.Id, done.Item, context, cancellationToken);
                    pending.Remove(done.Item.Id);
                    return !done.Item.IsHidden;
                case ThreadItemReplacedEvent replaced:
                    await Store.SaveItemAsync(thread.Id, replaced.Item, context, cancellationToken);
                    pending.Remove(replaced.Item.Id);
                    return true;
                case ThreadItemRemovedEvent removed:
                    await Store.DeleteThreadItemAsync(thread.Id, removed.ItemId, context, cancellationToken);
                    pending.Remove(removed.ItemId);
                    return true;
                default:
                    return true;
            }
        }
        catch (NotFoundException ex)
        {
            // Item writes name a thread the request has loaded; a store that no longer finds it had it deleted.
            throw new ThreadDeletedException(thread.Id, ex);
        }
    }

    /// <summary>
    /// The code of the <c>error</c> event the pipeline sends when a responder throws
    /// <paramref name="exception"/>, for subclasses that count their failures by it.
    /// </summary>
    protected static string ErrorCodeOf(Exception exception) => exception switch
    {
        CustomStreamErrorException => ErrorCodes.Custom,
        StreamErrorException stream => stream.Code,
        _ => ErrorCodes.StreamError,
    };

    private ErrorEvent ToErrorEvent(Exception ex)
    {
        switch (ex)
        {
            case CustomStreamErrorException custom:
                return new ErrorEvent { Code = ErrorCodeOf(ex), Message = custom.Message, AllowRetry = custom.AllowRetry };
            case StreamErrorException stream:
                return new ErrorEvent { Code = ErrorCodeOf(ex), AllowRetry = stream.AllowRetry };
            default:
                if (_transientFailures.IsTransient(ex))
                {
                    // A passing failure (the database went away): the host counts it in its own log,
                    // rather than one error with a stack trace per open stream.
                    _transientFailures.Record(ex);
                }
                else
                {
                    LogResponderFailed(ex);
                }

                return new ErrorEvent { Code = ErrorCodes.StreamError, AllowRetry = true };
        }
    }

    /// <summary>The outcome of the pipeline's thread-change check; all empty when nothing changed.</summary>
    private readonly record struct ThreadSave(ThreadMetadata? Snapshot = null, ThreadUpdatedEvent? Event = null, ErrorEvent? Error = null, bool Deleted = false);

    /// <summary>
    /// The thread-change check of the pipeline. A store failure while saving the thread is a stream
    /// failure like a responder's (an <c>error</c> event), not a cancellation: nothing pending is kept.
    /// </summary>
    private ValueTask<ThreadSave> TrySaveIfChangedAsync(
        ThreadMetadata thread, ThreadMetadata snapshot, TContext context, CancellationToken cancellationToken) =>
        ThreadChanges.Same(thread, snapshot)
            ? default // the common case, after almost every event: answered without a state machine or a task
            : TrySaveChangesAsync(thread, snapshot, context, cancellationToken);

    private async ValueTask<ThreadSave> TrySaveChangesAsync(
        ThreadMetadata thread, ThreadMetadata snapshot, TContext context, CancellationToken cancellationToken)
    {
        try
        {
            return await SaveChangesAsync(thread, snapshot, context, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new ThreadSave(Error: ToErrorEvent(ex));
        }
    }

    /// <summary>
    /// Saves what the responder changed on the thread since <paramref name="snapshot"/> (the thread as
    /// the pipeline last loaded or saved it), merged with what other requests changed meanwhile (see
    /// <see cref="ThreadChanges"/>); <paramref name="thread"/> then shows what is stored.
    /// </summary>
    private async Task<ThreadSave> SaveChangesAsync(
        ThreadMetadata thread, ThreadMetadata snapshot, TContext context, CancellationToken cancellationToken)
    {
        // Only called for a thread that differs from the snapshot (TrySaveIfChangedAsync checks).
        // With what was seen: while nobody else changed the thread, the store writes it in one step.
        var stored = await Store.UpdateThreadAsync(thread.Id, snapshot, s => ThreadChanges.Merge(s, snapshot, thread), context, cancellationToken);
        if (stored is null)
        {
            return new ThreadSave(Deleted: true);
        }

        ThreadChanges.CopyInto(thread, stored);
        var saved = ThreadChanges.Snapshot(thread);
        return ThreadChanges.Same(saved, snapshot)
            ? new ThreadSave(Snapshot: saved)
            : new ThreadSave(saved, new ThreadUpdatedEvent(ChatThread.From(thread)));
    }

    private async Task<UserMessageItem> AddUserMessageItemAsync(
        ThreadMetadata thread, UserMessageInput input, IReadOnlyList<Attachment> attachments, TContext context, CancellationToken cancellationToken)
    {
        var message = await NewUserMessageItemAsync(thread, input, attachments, context, cancellationToken);
        await Store.AddThreadItemAsync(thread.Id, message, context, cancellationToken);
        return message;
    }

    /// <summary>The user's message, not yet stored; its attachments are saved as the thread's.</summary>
    private async Task<UserMessageItem> NewUserMessageItemAsync(
        ThreadMetadata thread, UserMessageInput input, IReadOnlyList<Attachment> attachments, TContext context, CancellationToken cancellationToken)
    {
        var owned = attachments.Select(a => a with { ThreadId = thread.Id }).ToList();
        foreach (var attachment in owned)
        {
            await Store.SaveAttachmentAsync(attachment, context, cancellationToken);
        }

        var message = new UserMessageItem
        {
            Id = Store.GenerateItemId(StoreItemType.Message, thread, context),
            ThreadId = thread.Id,
            CreatedAt = Now(),
            Content = input.Content,
            Attachments = owned,
            QuotedText = input.QuotedText,
            InferenceOptions = input.InferenceOptions,
        };
        return message;
    }

    private async Task<List<Attachment>> LoadAttachmentsAsync(UserMessageInput input, TContext context, CancellationToken cancellationToken)
    {
        var attachments = new List<Attachment>(input.Attachments.Count);
        foreach (var id in input.Attachments)
        {
            attachments.Add(await Store.LoadAttachmentAsync(id, context, cancellationToken));
        }

        return attachments;
    }

    private async Task<WidgetItem?> LoadSenderAsync(ThreadCustomActionParams p, TContext context, CancellationToken cancellationToken) =>
        p.ItemId is null ? null : await Store.LoadItemAsync(p.ThreadId, p.ItemId, context, cancellationToken) as WidgetItem;

    private IAttachmentStore<TContext> RequireAttachmentStore() =>
        AttachmentStore ?? throw ChatKitRequestException.NotImplemented("Attachments are not enabled on this server.");

    private int PageSize(int? limit) => limit switch
    {
        null or 0 => _limits.DefaultPageSize,
        < 0 => throw ChatKitRequestException.BadRequest("'limit' must not be negative."),
        _ => Math.Min(limit.Value, _limits.MaxThreadsPage),
    };

    private static List<ThreadItem> WithoutHidden(IReadOnlyList<ThreadItem> items) => items.Where(i => !i.IsHidden).ToList();

    private static byte[] DecodeBase64(string value)
    {
        try
        {
            return Convert.FromBase64String(value);
        }
        catch (FormatException)
        {
            throw ChatKitRequestException.BadRequest("'audio_base64' is not valid base64.");
        }
    }

    private static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, ChatKitJson.WireType<T>());

    [LoggerMessage(Level = LogLevel.Error, Message = "The responder failed; the stream ends with an error event.")]
    private partial void LogResponderFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stream for thread {ThreadId} was cancelled with {PendingCount} pending items.")]
    private partial void LogStreamCancelled(string threadId, int pendingCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Thread {ThreadId} was deleted while a response streamed; the rest of the response is dropped.")]
    private partial void LogThreadDeletedWhileStreaming(string threadId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting dangling client tool call {ItemId} in thread {ThreadId}.")]
    private partial void LogDanglingToolCall(string itemId, string threadId);
}
