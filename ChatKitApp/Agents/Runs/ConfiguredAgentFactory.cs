using Microsoft.Agents.AI;
using Microsoft.Agents.AI.Workflows;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace ChatKitApp.Agents.Runs;

/// <summary>
/// The agents of <c>ChatKit:Agents</c> as Agent Framework <see cref="ChatClientAgent"/>s over the app's
/// <see cref="IChatClient"/> pipeline (OpenAI, compatible endpoints, demo and echo alike: the function
/// calling, telemetry and logging stay there). One agent runs alone; agents with handoffs run as the
/// framework's handoff workflow, started at the agent that has the conversation. They are built per
/// turn because their tools belong to the turn.
/// </summary>
public sealed class ConfiguredAgentFactory(
    IChatClient chatClient,
    IOptions<ChatKitAgentOptions> options,
    ILoggerFactory loggerFactory,
    IServiceProvider services) : IChatKitAgentFactory
{
    public ChatKitAgentRun Create(AgentRunRequest request)
    {
        var settings = options.Value;
        var definitions = settings.EffectiveItems;
        var starting = definitions.Any(d => d.Name == request.ActiveAgent) ? request.ActiveAgent! : settings.EffectiveDefault;
        var agents = definitions.ToDictionary(d => d.Name, d => CreateAgent(d, request.ChatOptions), StringComparer.Ordinal);
        if (!settings.HasHandoffs)
        {
            return new ChatKitAgentRun(agents[starting], null, starting);
        }

        var builder = AgentWorkflowBuilder.CreateHandoffBuilderWith(agents[starting]);
        foreach (var definition in definitions.Where(d => d.HandoffsTo.Count > 0))
        {
            builder.WithHandoffs(agents[definition.Name], definition.HandoffsTo.Select(name => agents[name]));
        }

        builder.AddParticipants(agents.Values);
        return new ChatKitAgentRun(builder.Build().AsAIAgent(name: "handoffs"), null, starting);
    }

    private ChatClientAgent CreateAgent(AgentDefinition definition, ChatOptions turnOptions)
    {
        var chatOptions = turnOptions.Clone();
        if (definition.Tools is { } allowed)
        {
            chatOptions.Tools = [.. (turnOptions.Tools ?? []).Where(t => allowed.Contains(t.Name, StringComparer.Ordinal))];
            if (chatOptions.ToolMode is RequiredChatToolMode { RequiredFunctionName: { } required } && !allowed.Contains(required, StringComparer.Ordinal))
            {
                chatOptions.ToolMode = ChatToolMode.Auto; // the composer chose a tool this agent does not have
            }
        }

        chatOptions.Instructions = definition.Instructions;
        return new ChatClientAgent(
            chatClient,
            new ChatClientAgentOptions
            {
                Id = definition.Name,
                Name = definition.Name,
                Description = definition.Description ?? definition.Name,
                ChatOptions = chatOptions,
            },
            loggerFactory,
            services);
    }
}
