using Microsoft.Agents.AI;

namespace ChatKitApp.Agents.Runs;

/// <summary>The agent to run for one turn, the options to run it with, and the name it starts as.</summary>
public sealed record ChatKitAgentRun(AIAgent Agent, AgentRunOptions? Options, string StartingAgent);
