using ChatKitApp.ChatKit.Protocol;

namespace ChatKitApp.Agents.Runs;

/// <summary>
/// The summary a finished workflow shows. The element writes a duration summary as "Thought for Ns",
/// so under a second gets a title instead: never "Thought for 0s".
/// </summary>
public static class WorkflowDurations
{
    public static WorkflowSummary Summary(DateTimeOffset started, DateTimeOffset ended, string briefTitle)
    {
        var seconds = (int)Math.Round((ended - started).TotalSeconds);
        return seconds >= 1 ? new WorkflowSummary { Duration = seconds } : new WorkflowSummary { Title = briefTitle };
    }
}
