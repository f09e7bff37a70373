using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ChatKitApp.Agents.Guardrails;
using ChatKitApp.Agents.Models;
using ChatKitApp.Agents.Runs;
using ChatKitApp.Agents.Tools;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKit.Widgets;
using ChatKitApp.ChatKitHost;
using ChatKitApp.Feedback;
using ChatKitApp.Usage;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace ChatKitApp.Agents.Turn;

/// <summary>
/// The model-backed responder. Each turn loads the thread's newest items (oldest first), converts
/// them to chat messages behind a system prompt with the user and page context, and streams the
/// <see cref="IChatClient"/> (whose pipeline runs the server tools) through
/// <see cref="ResponseEventMapper"/>; the turn's <see cref="TurnFacts"/> ride along in the options for the
/// demo model. The first turn also names the thread, without delaying the reply. Every turn is
/// recorded (<see cref="ITurnUsageStore"/>) with the tokens the model reported and the code of the
/// error event it ended with, for the operator view.
/// </summary>
public sealed partial class AgentChatKitServer(
    IChatKitStore<ChatKitRequestContext> store,
    ChatKitLimits limits,
    TimeProvider timeProvider,
    ILogger<AgentChatKitServer> logger,
    IFeedbackStore feedback,
    ITurnUsageStore usage,
    IChatKitAgentFactory agents,
    GuardrailMiddleware guardrails,
    ThreadItemConverter converter,
    SystemPromptBuilder systemPrompt,
    ServerToolRegistry serverTools,
    ClientToolRegistry clientTools,
    ThreadTitleGenerator titles,
    IOptions<ChatModelOptions> options,
    IEnumerable<IWidgetActionHandler> widgetActions,
    IChatKitTransientFailures transientFailures,
    IChatKitTranscriber<ChatKitRequestContext> transcriber,
    IAttachmentStore<ChatKitRequestContext>? attachmentStore = null)
    : ChatKitServer<ChatKitRequestContext>(store, attachmentStore, limits, timeProvider, logger, transientFailures, transcriber)
{
    public override Task AddFeedbackAsync(
        string threadId, IReadOnlyList<string> itemIds, FeedbackKind kind, ChatKitRequestContext context, CancellationToken cancellationToken) =>
        feedback.AddAsync(new FeedbackEntry(context.UserId, threadId, itemIds, kind, Now()), cancellationToken);

    /// <summary>Rejects, before anything is stored, a composer tool or model this server does not offer.</summary>
    protected override void ValidateUserInput(UserMessageInput input, ChatKitRequestContext context)
    {
        if (input.InferenceOptions?.ToolChoice is { } choice && serverTools.Find(choice.Id) is null && !clientTools.Contains(choice.Id))
        {
            throw ChatKitRequestException.BadRequest($"Unknown tool '{choice.Id}' in inference_options.tool_choice.");
        }

        if (input.InferenceOptions?.Model is { } model && !options.Value.AllowedModels.Contains(model))
        {
            throw ChatKitRequestException.BadRequest($"Model '{model}' is not offered here; choose one of: {string.Join(", ", options.Value.AllowedModels)}.");
        }
    }

    public override async IAsyncEnumerable<ThreadStreamEvent> ActionAsync(
        ThreadMetadata thread, ChatKitAction action, WidgetItem? sender, ChatKitRequestContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (before, after) = await UpdateWidgetAsync(thread, action, sender, context, cancellationToken)
            ?? throw new CustomStreamErrorException($"The action '{action.Type}' is not supported.");
        if (after is null)
        {
            yield break;
        }

        foreach (var update in WidgetDiff.Diff(before.Widget, after.Widget))
        {
            yield return new ThreadItemUpdatedEvent(after.Id, update);
        }
    }

    public override async Task<SyncCustomActionResponse> SyncActionAsync(
        ThreadMetadata thread, ChatKitAction action, WidgetItem? sender, ChatKitRequestContext context, CancellationToken cancellationToken)
    {
        if (sender is null)
        {
            throw ChatKitRequestException.BadRequest("A synchronous action needs the 'item_id' of the widget that sent it.");
        }

        var (_, after) = await UpdateWidgetAsync(thread, action, sender, context, cancellationToken)
            ?? throw ChatKitRequestException.BadRequest($"The action '{action.Type}' is not supported.");
        return new SyncCustomActionResponse(after);
    }

    /// <summary>
    /// Runs the action's handler and saves the widget it returns: an update event alone is not
    /// stored, and the change must survive a reload. Null when no handler takes the action.
    /// </summary>
    private async Task<(WidgetItem Before, WidgetItem? After)?> UpdateWidgetAsync(
        ThreadMetadata thread, ChatKitAction action, WidgetItem? sender, ChatKitRequestContext context, CancellationToken cancellationToken)
    {
        if (sender is null || widgetActions.FirstOrDefault(h => h.CanHandle(action.Type)) is not { } handler)
        {
            return null;
        }

        if (await handler.HandleAsync(action, sender, context, cancellationToken) is not { } widget)
        {
            return (sender, null);
        }

        var updated = sender with { Widget = widget };
        await Store.SaveItemAsync(thread.Id, updated, context, cancellationToken);
        return (sender, updated);
    }

    public override async IAsyncEnumerable<ThreadStreamEvent> RespondAsync(
        ThreadMetadata thread, UserMessageItem? input, ChatKitRequestContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var tokens = new UsageDetails();
        string? errorCode = null;
        var events = RunTurnAsync(thread, input, context, tokens, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                try
                {
                    if (!await events.MoveNextAsync())
                    {
                        break;
                    }
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    errorCode = ErrorCodeOf(ex); // the pipeline turns it into an error event with this code
                    throw;
                }

                if (events.Current is ErrorEvent error)
                {
                    errorCode = error.Code;
                }

                yield return events.Current;
            }
        }
        finally
        {
            await events.DisposeAsync();
            await RecordTurnAsync(new TurnRecord(
                context.UserId, thread.Id, Now(), tokens.InputTokenCount ?? 0, tokens.OutputTokenCount ?? 0, errorCode));
        }
    }

    /// <summary>
    /// Records the turn, also when it failed or was stopped (hence no request token). A failure to
    /// record is logged and not the user's problem: the reply has been sent.
    /// </summary>
    private async Task RecordTurnAsync(TurnRecord turn)
    {
        try
        {
            await usage.RecordAsync(turn, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogUsageNotRecorded(ex, turn.ThreadId);
        }
    }

    private async IAsyncEnumerable<ThreadStreamEvent> RunTurnAsync(
        ThreadMetadata thread, UserMessageItem? input, ChatKitRequestContext context, UsageDetails tokens, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var browser = BrowserMetadata.Read(context.Metadata);
        var turn = new AgentTurn(thread, context, browser.Page, browser.TimeZone)
        {
            NewItemId = type => Store.GenerateItemId(type, thread, context),
            Now = Now,
        };

        // The entities the user tagged are what the reply is about: they become its sources, which the
        // element shows as clickable entity annotations.
        foreach (var tag in input?.Content.OfType<UserMessageTagContent>() ?? [])
        {
            turn.AddSource(new EntitySource { Id = tag.Id, Title = tag.Text, Label = tag.Text, Icon = "document", Interactive = tag.Interactive, Data = (JsonObject)tag.Data.DeepClone() });
        }

        // The newest items, then oldest first: the model must see the end of a long thread, not its start.
        var history = ItemsOfNewThread(thread)?.ToList()
            ?? (await Store.LoadThreadItemsAsync(thread.Id, null, settings.HistoryItems, SortOrder.Desc, context, cancellationToken)).Data.Reverse().ToList();
        var converted = await converter.ConvertAsync(history, context, cancellationToken);
        List<ChatMessage> messages = [new(ChatRole.System, systemPrompt.Build(turn)), .. converted.Messages];
        // The composer's choices: a tool from the menu is forced for this message (the function-calling
        // loop lets the model answer freely once it ran), and a model from the picker replaces the default.
        var chatOptions = new ChatOptions
        {
            Tools = [.. serverTools.CreateFunctions(turn), .. clientTools.Declarations],
            ToolMode = input?.InferenceOptions?.ToolChoice is { } choice ? ChatToolMode.RequireSpecific(choice.Id) : ChatToolMode.Auto,
            ModelId = input?.InferenceOptions?.Model,
        };
        (converted.Facts with { Page = turn.Page }).AttachTo(chatOptions);

        // The title is asked for alongside the reply, once the agent answers (a tripped input guardrail
        // sends nothing to the provider), and applied as soon as it is known.
        using var titleCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var startTitle = settings.GenerateTitles && thread.Title is null && input is not null && TextOf(input) is { Length: > 0 } firstText
            ? () => titles.GenerateAsync(firstText, titleCancellation.Token)
            : (Func<Task<string?>>?)null;
        Task<string?>? title = null;

        var mapper = new ResponseEventMapper(turn, serverTools, clientTools);
        var run = agents.Create(new AgentRunRequest(turn, chatOptions, ActiveAgent.Read(thread)));
        var agentMapper = new AgentUpdateMapper(turn, mapper, run.StartingAgent);
        CustomStreamErrorException? failure = null;
        var finished = false;
        var updates = guardrails.Wrap(run.Agent).RunStreamingAsync(messages, session: null, run.Options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                // The tick starts before the next update is asked for: the tool may run inside that call.
                using var tickCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var tick = mapper.RunningTool is null ? null : Task.Delay(ToolProgress.Interval, Time, tickCancellation.Token);
                var next = updates.MoveNextAsync().AsTask();
                while (tick is not null && mapper.RunningTool is { } tool && !await ToolProgress.WaitAsync(next, tick))
                {
                    yield return new ProgressUpdateEvent($"{tool.Title}…", tool.Icon);
                    tick = Task.Delay(ToolProgress.Interval, Time, tickCancellation.Token);
                }

                await tickCancellation.CancelAsync();
                try
                {
                    if (!await next)
                    {
                        finished = true;
                        break;
                    }
                }
                catch (GuardrailTrippedException tripped)
                {
                    failure = new CustomStreamErrorException(tripped.Message, allowRetry: false);
                    break;
                }
                catch (Exception ex) when (ProviderErrorTranslator.Translate(ex, cancellationToken.IsCancellationRequested) is { } translated)
                {
                    LogProviderFailed(ex, thread.Id);
                    failure = translated;
                    break;
                }

                if (startTitle is not null)
                {
                    title = startTitle();
                    startTitle = null;
                }

                // Each model call of the turn (one per tool round) reports its own usage.
                foreach (var reported in updates.Current.Contents.OfType<UsageContent>())
                {
                    tokens.Add(reported.Details);
                }

                foreach (var e in agentMapper.Map(updates.Current))
                {
                    yield return e;
                }

                foreach (var e in turn.TakeEmitted().SelectMany(mapper.Forward))
                {
                    yield return e;
                }

                if (title is { IsCompleted: true })
                {
                    ApplyTitle(thread, await title);
                    title = null;
                }
            }
        }
        finally
        {
            if (!finished)
            {
                await titleCancellation.CancelAsync(); // stopped or failed: nobody will wait for the title
            }

            await updates.DisposeAsync();
        }

        if (failure is not null)
        {
            foreach (var e in agentMapper.Abandon())
            {
                yield return e;
            }

            throw failure;
        }

        foreach (var e in turn.TakeEmitted().SelectMany(mapper.Forward).Concat(agentMapper.Complete()))
        {
            yield return e;
        }

        ActiveAgent.Keep(thread, run.StartingAgent, agentMapper.ActiveAgent);

        title ??= startTitle?.Invoke(); // an agent that streamed nothing at all still names the thread
        if (title is not null)
        {
            ApplyTitle(thread, await WaitForTitleAsync(title, input!, settings, cancellationToken));
        }
    }

    private async Task<string?> WaitForTitleAsync(Task<string?> title, UserMessageItem input, ChatModelOptions settings, CancellationToken cancellationToken)
    {
        try
        {
            return await title.WaitAsync(TimeSpan.FromSeconds(settings.TitleTimeoutSeconds), Time, cancellationToken);
        }
        catch (TimeoutException)
        {
            return ThreadTitleGenerator.FirstWords(TextOf(input));
        }
    }

    private static void ApplyTitle(ThreadMetadata thread, string? title)
    {
        if (title is not null && thread.Title is null)
        {
            thread.Title = title; // the pipeline saves it and streams thread.updated after the next event
        }
    }

    /// <summary>A user message as text: its text parts, tags as <c>@name</c>.</summary>
    internal static string TextOf(UserMessageItem message) =>
        string.Concat(message.Content.Select(part => part switch
        {
            UserMessageTextContent t => t.Text,
            UserMessageTagContent tag => "@" + tag.Text,
            _ => "",
        })).Trim();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The usage of a turn of thread {ThreadId} could not be recorded.")]
    private partial void LogUsageNotRecorded(Exception exception, string threadId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The model provider failed during a turn of thread {ThreadId}.")]
    private partial void LogProviderFailed(Exception exception, string threadId);
}
