using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatKitApp.Agents.Tools;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Store;
using Microsoft.Extensions.AI;

namespace ChatKitApp.Agents.Turn;

/// <summary>
/// Maps one turn's <see cref="ChatResponseUpdate"/>s to ChatKit events. Every item id is minted by
/// the store: provider ids (which some providers repeat, e.g. <c>__fake_id__</c>) are never used,
/// so one reply can never overwrite another. Text becomes an assistant message; a server tool call
/// becomes a task of a workflow (loading while it runs, complete when its result arrives); a client
/// tool call is held and ends the turn as a pending <c>client_tool_call</c> item.
/// </summary>
public sealed class ResponseEventMapper(
    AgentTurn turn,
    ServerToolRegistry serverTools,
    ClientToolRegistry clientTools)
{
    private readonly StringBuilder _text = new();
    private readonly List<Annotation> _annotations = [];
    private readonly List<WorkflowTask> _tasks = [];
    private readonly Dictionary<string, int> _taskByCallId = new(StringComparer.Ordinal);

    private AssistantMessageItem? _message;
    private string? _providerMessageId;
    private WorkflowItem? _workflow;
    private DateTimeOffset _workflowStarted;
    private FunctionCallContent? _clientCall;
    private int _sourcesAttached;

    public IEnumerable<ThreadStreamEvent> Map(ChatResponseUpdate update)
    {
        // A new provider message after a finished one starts a new item, whatever its id says.
        if (_message is not null && update.MessageId is { } messageId && _providerMessageId is not null
            && messageId != _providerMessageId && update.Contents.Any(c => c is TextContent { Text.Length: > 0 }))
        {
            foreach (var e in CloseMessage())
            {
                yield return e;
            }
        }

        foreach (var content in update.Contents)
        {
            switch (content)
            {
                case TextContent text:
                    foreach (var e in AppendText(text, update.MessageId))
                    {
                        yield return e;
                    }

                    break;
                case FunctionCallContent call:
                    foreach (var e in StartCall(call))
                    {
                        yield return e;
                    }

                    break;
                case FunctionResultContent result when _taskByCallId.Remove(result.CallId, out var index) && _workflow is not null:
                    var task = (CustomTask)_tasks[index];
                    _tasks[index] = task with
                    {
                        StatusIndicator = TaskStatusIndicator.Complete,
                        Content = result.Exception is null ? task.Content : "That did not work.",
                    };
                    yield return new ThreadItemUpdatedEvent(_workflow.Id, new WorkflowTaskUpdated(index, _tasks[index]));
                    break;
            }
        }
    }

    /// <summary>
    /// Passes on an event a tool emitted. A new visible item (a widget, a question) first closes the
    /// open message and workflow, as the reference does, so it shows after the steps that led to it.
    /// </summary>
    public IEnumerable<ThreadStreamEvent> Forward(ThreadStreamEvent e)
    {
        var item = e switch
        {
            ThreadItemAddedEvent added => added.Item,
            ThreadItemDoneEvent done => done.Item,
            _ => null,
        };
        if (item is not null and not ClientToolCallItem && !item.IsHidden)
        {
            foreach (var closing in CloseMessage().Concat(CloseWorkflow()))
            {
                yield return closing;
            }
        }

        yield return e;
    }

    /// <summary>Closes what is open and, if the model called a client tool, emits the pending call.</summary>
    public IEnumerable<ThreadStreamEvent> Complete()
    {
        foreach (var e in CloseMessage().Concat(CloseWorkflow()))
        {
            yield return e;
        }

        if (_clientCall is { } call)
        {
            yield return new ThreadItemDoneEvent(new ClientToolCallItem
            {
                Id = turn.NewItemId(StoreItemType.ToolCall),
                ThreadId = turn.Thread.Id,
                CreatedAt = turn.Now(),
                CallId = call.CallId,
                Name = call.Name,
                Arguments = call.Arguments is null
                    ? new JsonObject()
                    : JsonSerializer.SerializeToNode(call.Arguments, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(IDictionary<string, object?>))),
            });
        }
    }

    /// <summary>
    /// After a failure: removes the items still streaming, so the client drops the half-written reply
    /// the store never got (only done items are stored).
    /// </summary>
    public IEnumerable<ThreadStreamEvent> Abandon()
    {
        if (_message is not null)
        {
            yield return new ThreadItemRemovedEvent(_message.Id);
            _message = null;
        }

        if (_workflow is not null)
        {
            yield return new ThreadItemRemovedEvent(_workflow.Id);
            _workflow = null;
        }
    }

    private IEnumerable<ThreadStreamEvent> AppendText(TextContent text, string? providerMessageId)
    {
        if (text.Text.Length == 0 && text.Annotations is not { Count: > 0 })
        {
            yield break;
        }

        foreach (var e in CloseWorkflow())
        {
            yield return e; // the reply reads after the steps that led to it
        }

        if (_message is null)
        {
            _message = new AssistantMessageItem { Id = turn.NewItemId(StoreItemType.Message), ThreadId = turn.Thread.Id, CreatedAt = turn.Now() };
            _providerMessageId = providerMessageId;
            _text.Clear();
            _annotations.Clear();
            yield return new ThreadItemAddedEvent(_message);
            yield return new ThreadItemUpdatedEvent(_message.Id, new AssistantMessageContentPartAdded(0, new AssistantMessageContent()));
        }

        if (text.Text.Length > 0)
        {
            _text.Append(text.Text);
            yield return new ThreadItemUpdatedEvent(_message.Id, new AssistantMessageContentPartTextDelta(0, text.Text));
        }

        foreach (var citation in text.Annotations?.OfType<CitationAnnotation>() ?? [])
        {
            if (ToAnnotation(citation) is { } annotation)
            {
                yield return AddAnnotation(annotation);
            }
        }
    }

    private IEnumerable<ThreadStreamEvent> StartCall(FunctionCallContent call)
    {
        foreach (var e in CloseMessage())
        {
            yield return e;
        }

        if (clientTools.Contains(call.Name))
        {
            _clientCall ??= call; // one client tool call per turn, as in the reference
            yield break;
        }

        if (serverTools.Find(call.Name) is not { } tool)
        {
            yield break; // an unknown function: the invoking client tells the model it does not exist
        }

        if (_workflow is null)
        {
            _tasks.Clear();
            _workflowStarted = turn.Now();
            _workflow = new WorkflowItem
            {
                Id = turn.NewItemId(StoreItemType.Workflow),
                ThreadId = turn.Thread.Id,
                CreatedAt = _workflowStarted,
                Workflow = new Workflow { Type = WorkflowType.Custom, Expanded = true },
            };
            yield return new ThreadItemAddedEvent(_workflow);
        }

        var task = new CustomTask { Title = tool.Title, Icon = tool.Icon, StatusIndicator = TaskStatusIndicator.Loading };
        _tasks.Add(task);
        _taskByCallId[call.CallId] = _tasks.Count - 1;
        yield return new ThreadItemUpdatedEvent(_workflow.Id, new WorkflowTaskAdded(_tasks.Count - 1, task));
    }

    private IEnumerable<ThreadStreamEvent> CloseMessage()
    {
        if (_message is null)
        {
            yield break;
        }

        // Articles a tool found since the previous reply are this reply's sources.
        var sources = turn.Sources;
        for (; _sourcesAttached < sources.Count; _sourcesAttached++)
        {
            yield return AddAnnotation(new Annotation { Source = sources[_sourcesAttached], Index = _text.Length });
        }

        var content = new AssistantMessageContent { Text = _text.ToString(), Annotations = [.. _annotations] };
        yield return new ThreadItemUpdatedEvent(_message.Id, new AssistantMessageContentPartDone(0, content));
        yield return new ThreadItemDoneEvent(_message with { Content = [content] });
        _message = null;
        _providerMessageId = null;
    }

    private IEnumerable<ThreadStreamEvent> CloseWorkflow()
    {
        if (_workflow is null)
        {
            yield break;
        }

        // A step that took under a second has no duration worth telling: "Thought for 0s" reads as a
        // glitch, so the workflow closes without a summary and the element names its steps instead.
        var seconds = (int)Math.Round((turn.Now() - _workflowStarted).TotalSeconds);
        var summary = seconds > 0 ? new WorkflowSummary { Duration = seconds } : null;
        var tasks = _tasks.Select(t => t.StatusIndicator == TaskStatusIndicator.Loading ? t with { StatusIndicator = TaskStatusIndicator.Complete } : t).ToList();
        yield return new ThreadItemDoneEvent(_workflow with
        {
            Workflow = _workflow.Workflow with { Tasks = tasks, Expanded = false, Summary = summary },
        });
        _workflow = null;
        _taskByCallId.Clear();
    }

    private ThreadItemUpdatedEvent AddAnnotation(Annotation annotation)
    {
        _annotations.Add(annotation);
        return new ThreadItemUpdatedEvent(_message!.Id, new AssistantMessageContentPartAnnotationAdded(0, _annotations.Count - 1, annotation));
    }

    private Annotation? ToAnnotation(CitationAnnotation citation)
    {
        var index = citation.AnnotatedRegions?.OfType<TextSpanAnnotatedRegion>().FirstOrDefault()?.EndIndex ?? _text.Length;
        Source? source = citation switch
        {
            { Url: { } url } => new UrlSource { Title = citation.Title ?? url.Host, Url = url.ToString() },
            { } c when (c.Title ?? c.FileId) is { } name => new FileSource { Title = name, Filename = name },
            _ => null, // nothing to show a link or a file name for
        };
        return source is null ? null : new Annotation { Source = source, Index = index };
    }
}
