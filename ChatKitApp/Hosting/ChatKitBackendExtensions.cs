using ChatKitApp.Agents;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.Feedback;
using Microsoft.Extensions.Options;

namespace ChatKitApp.Hosting;

/// <summary>Composes the app's ChatKit backend: store, responder and request context.</summary>
public static class ChatKitBackendExtensions
{
    public static WebApplicationBuilder AddChatKitBackend(this WebApplicationBuilder builder)
    {
        builder.Services.AddChatKitAgents();
        builder.Services.AddSingleton<IChatKitContextFactory<ChatKitRequestContext>, ChatKitRequestContextFactory>();
        builder.Services.AddSingleton<IChatKitStore<ChatKitRequestContext>, MemoryStore<ChatKitRequestContext>>();
        builder.Services.AddSingleton<IFeedbackStore, MemoryFeedbackStore>();
        return builder;
    }

    public static WebApplication MapChatKitBackend(this WebApplication app)
    {
        app.MapChatKit<ChatKitRequestContext>("/chatkit");
        if (app.Services.GetRequiredService<IChatKitStore<ChatKitRequestContext>>() is MemoryStore<ChatKitRequestContext>)
        {
            LogMemoryStore(app.Logger);
        }

        if (app.Services.GetRequiredService<IOptions<ChatModelOptions>>().Value.EffectiveProvider == ModelProvider.Demo)
        {
            LogDemoModel(app.Logger);
        }

        return app;
    }

    private static void LogDemoModel(ILogger logger) =>
        logger.LogWarning("No ChatKit:Model:ApiKey or Provider configured: the offline demo model answers.");

    private static void LogMemoryStore(ILogger logger) =>
        logger.LogWarning("No ConnectionStrings:ChatKit configured: chats are kept in memory and lost on restart.");
}
