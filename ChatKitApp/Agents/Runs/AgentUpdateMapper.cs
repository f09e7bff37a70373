using ChatKitApp.Agents.Turn;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Store;
using Microsoft.Agents.AI;
using HandoffWorkflowBuilder = Microsoft.Agents.AI.Workflows.HandoffWorkflowBuilder;
using Microsoft.Extensions.AI;

namespace ChatKitApp.Agents.Runs;

/// <summary>
/// The ChatKit adapter for Agent Framework runs, the .NET counterpart of chatkit-python's
/// <c>stream_agent_response</c>: maps each <see cref="AgentResponseUpdate"/> to ChatKit events. Text,
/// citations, server tools (workflow tasks) and client tools go through <see cref="ResponseEventMapper"/>,
/// so item ids stay the store's; what only agents do is handled here: a handoff (the update's author
/// changes) shows as a completed "Handed off to …" task, and the framework's own handoff calls are not
/// shown as tools. <see cref="ActiveAgent"/> is the agent that has the conversation at the end.
/// </summary>
public sealed class AgentUpdateMapper(AgentTurn turn, ResponseEventMapper inner, string startingAgent)
{
    public string ActiveAgent { get; private set; } = startingAgent;

    private readonly System.Text.StringBuilder _thoughtText = new();
    private WorkflowItem? _thought;
    private DateTimeOffset _thoughtStarted;

    public IEnumerable<ThreadStreamEvent> Map(AgentResponseUpdate update)
    {
        foreach (var reasoning in update.Contents.OfType<TextReasoningContent>().Where(r => r.Text.Length > 0))
        {
            foreach (var e in Think(reasoning.Text))
            {
                yield return e;
            }
        }

        if (update.Contents.Any(c => c is not TextReasoningContent and not UsageContent))
        {
            foreach (var e in CloseThought())
            {
                yield return e;
            }
        }

        if (update.AuthorName is { Length: > 0 } author && author != ActiveAgent)
        {
            ActiveAgent = author;
            foreach (var e in inner.Forward(new ThreadItemDoneEvent(HandoffItem(author))))
            {
                yield return e;
            }
        }

        var contents = update.Contents.Where(c => c is not TextReasoningContent && !IsHandoff(c)).ToList();
        if (contents.Count == 0)
        {
            yield break;
        }

        var chatUpdate = new ChatResponseUpdate(update.Role, contents)
        {
            MessageId = update.MessageId,
            ResponseId = update.ResponseId,
            AuthorName = update.AuthorName,
            CreatedAt = update.CreatedAt,
            FinishReason = update.FinishReason,
        };
        foreach (var e in inner.Map(chatUpdate))
        {
            yield return e;
        }
    }

    /// <summary>Ends the turn: the thought still open, then what <see cref="ResponseEventMapper.Complete"/> closes.</summary>
    public IEnumerable<ThreadStreamEvent> Complete() => CloseThought().Concat(inner.Complete());

    /// <summary>After a failure or a tripped guardrail: removes what is still streaming, the thought included.</summary>
    public IEnumerable<ThreadStreamEvent> Abandon()
    {
        if (_thought is not null)
        {
            yield return new ThreadItemRemovedEvent(_thought.Id);
            _thought = null;
        }

        foreach (var e in inner.Abandon())
        {
            yield return e;
        }
    }

    /// <summary>Reasoning summaries stream into one thought task of a reasoning workflow, as the reference does.</summary>
    private IEnumerable<ThreadStreamEvent> Think(string delta)
    {
        if (_thought is null)
        {
            _thoughtStarted = turn.Now();
            _thoughtText.Clear();
            _thought = new WorkflowItem
            {
                Id = turn.NewItemId(StoreItemType.Workflow),
                ThreadId = turn.Thread.Id,
                CreatedAt = _thoughtStarted,
                Workflow = new Workflow { Type = WorkflowType.Reasoning, Expanded = true },
            };
            foreach (var e in inner.Forward(new ThreadItemAddedEvent(_thought)))
            {
                yield return e;
            }
        }

        var first = _thoughtText.Length == 0;
        _thoughtText.Append(delta);
        var task = new ThoughtTask { Content = _thoughtText.ToString(), StatusIndicator = TaskStatusIndicator.Loading };
        yield return new ThreadItemUpdatedEvent(_thought.Id, first ? new WorkflowTaskAdded(0, task) : new WorkflowTaskUpdated(0, task));
    }

    private IEnumerable<ThreadStreamEvent> CloseThought()
    {
        if (_thought is null)
        {
            yield break;
        }

        var thought = new ThoughtTask { Content = _thoughtText.ToString(), StatusIndicator = TaskStatusIndicator.Complete };
        yield return new ThreadItemDoneEvent(_thought with
        {
            Workflow = _thought.Workflow with { Tasks = [thought], Expanded = false, Summary = WorkflowDurations.Summary(_thoughtStarted, turn.Now()) },
        });
        _thought = null;
    }

    private WorkflowItem HandoffItem(string agent) => new()
    {
        Id = turn.NewItemId(StoreItemType.Workflow),
        ThreadId = turn.Thread.Id,
        CreatedAt = turn.Now(),
        Workflow = new Workflow
        {
            Type = WorkflowType.Custom,
            Expanded = false,
            Tasks = [new CustomTask { Title = $"Handed off to {agent}", Icon = "agent", StatusIndicator = TaskStatusIndicator.Complete }],
            Summary = new WorkflowSummary { Title = $"Handed off to {agent}", Icon = "agent" },
        },
    };

    private static bool IsHandoff(AIContent content) => content switch
    {
        FunctionCallContent call => call.Name.StartsWith(HandoffWorkflowBuilder.FunctionPrefix, StringComparison.Ordinal),
        FunctionResultContent result => result.Result is string text && text == "Transferred.",
        _ => false,
    };
}
