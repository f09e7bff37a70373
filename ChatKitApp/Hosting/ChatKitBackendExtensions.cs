using ChatKitApp.Agents;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.Feedback;
using ChatKitApp.Postgres;

namespace ChatKitApp.Hosting;

/// <summary>
/// Composes the app's ChatKit backend: store, responder and request context. With
/// <c>ConnectionStrings:ChatKit</c> set the store is PostgreSQL, else in memory.
/// </summary>
public static class ChatKitBackendExtensions
{
    public static WebApplicationBuilder AddChatKitBackend(this WebApplicationBuilder builder)
    {
        builder.Services.AddChatKit<ChatKitRequestContext, EchoChatKitServer>();
        builder.Services.AddSingleton<IChatKitContextFactory<ChatKitRequestContext>, ChatKitRequestContextFactory>();
        builder.Services.AddHealthChecks();
        var connectionString = builder.Configuration.GetConnectionString("ChatKit");
        var inMemory = string.IsNullOrWhiteSpace(connectionString);
        if (inMemory)
        {
            builder.Services.AddSingleton<IChatKitStore<ChatKitRequestContext>, MemoryStore<ChatKitRequestContext>>();
            builder.Services.AddSingleton<IFeedbackStore, MemoryFeedbackStore>();
        }
        else
        {
            builder.AddPostgresStore<ChatKitRequestContext>(connectionString!);
        }

        builder.Services.AddSingleton(new AppStatus(UsesMemoryStore: inMemory, UsesDemoModel: true));
        builder.Services.AddSingleton<Articles.ArticleCatalog>();
        builder.Services.AddOptions<Components.Chat.ChatKitFrontendOptions>().BindConfiguration(Components.Chat.ChatKitFrontendOptions.SectionName);
        return builder;
    }

    public static WebApplication MapChatKitBackend(this WebApplication app)
    {
        app.MapChatKit<ChatKitRequestContext>("/chatkit");
        app.MapHealthChecks("/healthz");
        if (app.Services.GetRequiredService<IChatKitStore<ChatKitRequestContext>>() is MemoryStore<ChatKitRequestContext>)
        {
            LogMemoryStore(app.Logger);
        }

        return app;
    }

    private static void LogMemoryStore(ILogger logger) =>
        logger.LogWarning("No ConnectionStrings:ChatKit configured: chats are kept in memory and lost on restart.");
}
