using ChatKitApp.Agents;
using ChatKitApp.Agents.Models;
using ChatKitApp.Agents.Turn;
using ChatKitApp.Articles;
using ChatKitApp.Attachments;
using ChatKitApp.Auth;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatSearch;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKitHost;
using ChatKitApp.Dictation;
using ChatKitApp.Feedback;
using ChatKitApp.Limits;
using ChatKitApp.Postgres;
using ChatKitApp.Reliability;
using ChatKitApp.Usage;
using Microsoft.Extensions.Options;

namespace ChatKitApp.Hosting;

/// <summary>
/// Composes the app's ChatKit backend: store, responder and request context. With
/// <c>ConnectionStrings:ChatKit</c> set the store is PostgreSQL, else in memory.
/// </summary>
public static partial class ChatKitBackendExtensions
{
    public static WebApplicationBuilder AddChatKitBackend(this WebApplicationBuilder builder)
    {
        builder.Services.AddChatKitAgents();
        builder.Services.AddDictation(); // input.transcribe, when ChatKit:Model:TranscriptionModel is set
        builder.Services.AddSingleton<IChatKitContextFactory<ChatKitRequestContext>, ChatKitRequestContextFactory>();
        builder.Services.AddSingleton<IChatKitRequestCheck, NulCharacterCheck>();
        builder.Services.AddHealthChecks();
        builder.Services.AddExceptionHandler<ApiExceptionHandler>(); // JSON 500s on API paths, where UseExceptionHandler runs
        builder.Services.AddOutages();
        var connectionString = builder.Configuration.GetConnectionString("ChatKit");
        var inMemory = string.IsNullOrWhiteSpace(connectionString);
        if (inMemory)
        {
            builder.Services.AddSingleton<IChatKitStore<ChatKitRequestContext>, MemoryStore<ChatKitRequestContext>>();
            builder.Services.AddSingleton<IFeedbackStore, MemoryFeedbackStore>();
            builder.Services.AddSingleton<ITurnUsageStore, MemoryTurnUsageStore>();
            builder.Services.AddSingleton<IUserAccountStore, MemoryUserAccountStore>();
            builder.Services.AddSingleton<ISessionStore, MemorySessionStore>();
            builder.Services.AddSingleton<IAttachmentBlobStore, MemoryAttachmentBlobStore>();
            builder.Services.AddSingleton<IAttachmentExpiry, MemoryAttachmentExpiry>();
            builder.Services.AddSingleton<IChatSearch, MemoryChatSearch>();
            builder.Services.AddSingleton<IJobSchedule, LocalJobSchedule>();
        }
        else
        {
            builder.AddPostgresStore<ChatKitRequestContext>(connectionString!);
            builder.Services.AddSingleton<IUserAccountStore, PostgresUserAccountStore>();
            builder.Services.AddSingleton<ITurnUsageStore, PostgresTurnUsageStore>();
            builder.Services.AddSingleton<ISessionStore, PostgresSessionStore>();
            builder.Services.AddSingleton<IAttachmentBlobStore, PostgresAttachmentBlobStore>();
            builder.Services.AddSingleton<IAttachmentExpiry, PostgresAttachmentExpiry>();
            builder.Services.AddSingleton<IChatSearch, PostgresChatSearch>();
            builder.Services.AddSingleton<IJobSchedule, PostgresJobSchedule>(); // periodic jobs run once per period across instances
        }

        builder.Services.AddHttpContextAccessor();
        builder.Services.AddValidatedOptions<AttachmentOptions>(AttachmentOptions.SectionName)
            .Validate(o => o.AllowedTypes.All(AttachmentOptions.IsMediaType), "ChatKit:Attachments:AllowedTypes must list media types such as image/png (type/subtype, no wildcards or parameters).");
        builder.Services.AddSingleton<UnattachedAttachmentSweeper>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<UnattachedAttachmentSweeper>());
        builder.Services.AddSingleton<BlobAttachmentStore>();
        builder.Services.AddSingleton<IAttachmentStore<ChatKitRequestContext>>(sp => sp.GetRequiredService<BlobAttachmentStore>());
        builder.Services.AddSingleton<IAttachmentContentSource>(sp => sp.GetRequiredService<BlobAttachmentStore>());

        builder.Services.AddSingleton(sp => new AppStatus(
            UsesMemoryStore: inMemory,
            UsesDemoModel: sp.GetRequiredService<IOptions<ChatModelOptions>>().Value.EffectiveProvider == ModelProvider.Demo));
        return builder;
    }

    public static WebApplication MapChatKitBackend(this WebApplication app)
    {
        app.MapChatKit<ChatKitRequestContext>("/chatkit").RequireAuthorization(Auth.ChatKitAuthExtensions.ChatKitUserPolicy)
            .RequireSameOrigin()
            .RequireRateLimiting(RateLimitExtensions.PolicyName);
        app.MapArticleEntities();
        app.MapChatKitAttachments().RequireAuthorization(Auth.ChatKitAuthExtensions.ChatKitUserPolicy)
            .RequireSameOrigin();
        app.MapHealthEndpoints();
        var status = app.Services.GetRequiredService<AppStatus>();
        if (status.UsesMemoryStore)
        {
            LogMemoryStore(app.Logger);
        }

        if (status.UsesDemoModel)
        {
            LogDemoModel(app.Logger);
        }

        return app;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No ChatKit:Model:ApiKey or Provider configured: the offline demo model answers.")]
    private static partial void LogDemoModel(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No ConnectionStrings:ChatKit configured: chats are kept in memory and lost on restart.")]
    private static partial void LogMemoryStore(ILogger logger);
}
