using ChatKitApp.Agents.Turn;
using Microsoft.Extensions.AI;

namespace ChatKitApp.Agents.Tools;

/// <summary>
/// A tool the backend runs inside the model's function-calling loop. Each call shows in the chat
/// as a workflow task titled <see cref="Title"/> while it runs.
/// </summary>
public interface IServerTool
{
    /// <summary>The function name the model calls.</summary>
    string Name { get; }

    /// <summary>What the user sees while the tool runs, e.g. "Searching the articles".</summary>
    string Title { get; }

    /// <summary>A ChatKit icon name for the task.</summary>
    string Icon { get; }

    /// <summary>The function for one turn; it may read and record turn state (sources, time zone).</summary>
    AIFunction CreateFunction(AgentTurn turn);
}
