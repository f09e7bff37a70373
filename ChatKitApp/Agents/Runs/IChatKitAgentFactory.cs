namespace ChatKitApp.Agents.Runs;

/// <summary>
/// Builds the Agent Framework agent a turn runs. The app's own (<see cref="ConfiguredAgentFactory"/>)
/// follows <c>ChatKit:Agents</c>; <c>AddChatKitAgent</c> plugs in an integrator's.
/// </summary>
public interface IChatKitAgentFactory
{
    ChatKitAgentRun Create(AgentRunRequest request);
}
