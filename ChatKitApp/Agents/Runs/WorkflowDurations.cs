using ChatKitApp.ChatKit.Protocol;

namespace ChatKitApp.Agents.Runs;

/// <summary>
/// The summary a finished workflow (tool steps or a thought) shows. The element writes a duration
/// summary as "Thought for Ns"; under a second that reads as a glitch ("Thought for 0s"), so such a
/// workflow has no summary and the element names its steps instead.
/// </summary>
public static class WorkflowDurations
{
    public static WorkflowSummary? Summary(DateTimeOffset started, DateTimeOffset ended)
    {
        var seconds = (int)Math.Round((ended - started).TotalSeconds);
        return seconds >= 1 ? new WorkflowSummary { Duration = seconds } : null;
    }
}
