using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatKitApp.Agents.Runs;

public static class AgentRunServiceCollectionExtensions
{
    /// <summary>Registers <see cref="ChatKitAgentOptions"/> (validated at start) and the configured agents, unless an agent was plugged in.</summary>
    public static IServiceCollection AddAgentRuns(this IServiceCollection services)
    {
        services.AddOptions<ChatKitAgentOptions>().BindConfiguration(ChatKitAgentOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ChatKitAgentOptions>, ChatKitAgentOptionsValidator>());
        services.TryAddSingleton<IChatKitAgentFactory, ConfiguredAgentFactory>();
        return services;
    }

    /// <summary>
    /// Plugs in your own Agent Framework agent: every turn runs it, streamed to ChatKit by
    /// <see cref="AgentUpdateMapper"/>. The turn's tools, tool choice and model reach it as
    /// <see cref="ChatClientAgentRunOptions"/>; a <see cref="ChatClientAgent"/> merges them with its own.
    /// </summary>
    public static IServiceCollection AddChatKitAgent(this IServiceCollection services, Func<IServiceProvider, AIAgent> agent)
    {
        services.RemoveAll<IChatKitAgentFactory>();
        services.AddSingleton<IChatKitAgentFactory>(sp => new SingleAgentFactory(agent(sp)));
        return services;
    }

    private sealed class SingleAgentFactory(AIAgent agent) : IChatKitAgentFactory
    {
        public ChatKitAgentRun Create(AgentRunRequest request) =>
            new(agent, new ChatClientAgentRunOptions(request.ChatOptions), agent.Name ?? agent.Id);
    }
}
