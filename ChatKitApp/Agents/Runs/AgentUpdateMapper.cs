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

    public IEnumerable<ThreadStreamEvent> Map(AgentResponseUpdate update)
    {
        if (update.AuthorName is { Length: > 0 } author && author != ActiveAgent)
        {
            ActiveAgent = author;
            foreach (var e in inner.Forward(new ThreadItemDoneEvent(HandoffItem(author))))
            {
                yield return e;
            }
        }

        var contents = update.Contents.Where(c => !IsHandoff(c)).ToList();
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
