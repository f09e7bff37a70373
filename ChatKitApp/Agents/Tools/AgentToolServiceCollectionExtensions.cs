using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatKitApp.Agents.Tools;

public static class AgentToolServiceCollectionExtensions
{
    /// <summary>
    /// Registers the app's own server tools (date/time, question, toast) and the registries that
    /// offer every <see cref="IServerTool"/> and the browser's client tools to the model.
    /// </summary>
    public static IServiceCollection AddAgentTools(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IServerTool, CurrentTimeTool>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IServerTool, AskQuestionTool>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IServerTool, ToastTool>());
        services.TryAddSingleton<ServerToolRegistry>();
        services.TryAddSingleton<ClientToolRegistry>();
        return services;
    }
}
