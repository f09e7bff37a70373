using ChatKitApp.Agents.Guardrails;
using ChatKitApp.Agents.Mcp;
using ChatKitApp.Agents.Models;
using ChatKitApp.Agents.Runs;
using ChatKitApp.Agents.Tools;
using ChatKitApp.Agents.Turn;
using ChatKitApp.Articles;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKitHost;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatKitApp.Agents;

public static class AgentServiceCollectionExtensions
{
    /// <summary>
    /// Registers the model side: the model and its provider (<see cref="ChatModelServiceCollectionExtensions.AddChatModel"/>),
    /// the tools (the app's own, the articles' and the MCP servers'), the agents (<c>ChatKit:Agents</c>),
    /// the guardrails, and the turn: converter, prompt, titles and <see cref="AgentChatKitServer"/>.
    /// </summary>
    public static IServiceCollection AddChatKitAgents(this IServiceCollection services)
    {
        services.AddChatModel();
        services.AddAgentTools();
        services.AddAgentRuns();
        services.AddGuardrails();
        services.AddMcpTools();
        services.AddArticles();
        services.TryAddSingleton(sp => new ThreadItemConverter(sp.GetService<IAttachmentContentSource>()));
        services.TryAddSingleton<SystemPromptBuilder>();
        services.TryAddSingleton<ThreadTitleGenerator>();
        services.AddChatKit<ChatKitRequestContext, AgentChatKitServer>();
        return services;
    }
}
