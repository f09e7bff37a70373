using ChatKitApp.Agents.Tools;

namespace ChatKitApp.Agents.Mcp;

public static class McpServiceCollectionExtensions
{
    /// <summary>Registers <see cref="McpOptions"/> (validated at start) and <see cref="McpToolHost"/>, which starts the servers with the app and offers their tools.</summary>
    public static IServiceCollection AddMcpTools(this IServiceCollection services)
    {
        services.AddOptions<McpOptions>().BindConfiguration(McpOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<McpToolHost>();
        services.AddHostedService(sp => sp.GetRequiredService<McpToolHost>());
        services.AddSingleton<IServerToolSource>(sp => sp.GetRequiredService<McpToolHost>());
        return services;
    }
}
