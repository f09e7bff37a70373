using ChatKitApp.Agents.Turn;
using Microsoft.Extensions.AI;

namespace ChatKitApp.Agents.Runs;

/// <summary>
/// What an agent is built for, once per turn: the turn (its tools read and record turn state), the
/// options the turn asks for (the turn's tools, the composer's tool choice and model, the demo model's
/// facts), and the agent that has the conversation (from the thread's metadata; null on a new thread).
/// </summary>
public sealed record AgentRunRequest(AgentTurn Turn, ChatOptions ChatOptions, string? ActiveAgent);
