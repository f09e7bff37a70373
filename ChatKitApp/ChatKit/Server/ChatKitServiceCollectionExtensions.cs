using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatKitApp.ChatKit.Server;

public static class ChatKitServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TServer"/> as the ChatKit server, with limits bound from
    /// <c>ChatKit:Limits</c>. Register an <c>IChatKitStore&lt;TContext&gt;</c> and an
    /// <see cref="IChatKitContextFactory{TContext}"/> too; then map the endpoint with <c>MapChatKit</c>.
    /// The host may register an <see cref="IChatKitStreamAdmission{TContext}"/>,
    /// <see cref="IChatKitTransientFailures"/>, an <see cref="IChatKitTranscriber{TContext}"/> and any
    /// number of <see cref="IChatKitRequestCheck"/>s (before or after this call); without them every
    /// stream opens, every failure is an error and dictation is not supported.
    /// </summary>
    public static IServiceCollection AddChatKit<TContext, TServer>(this IServiceCollection services)
        where TServer : ChatKitServer<TContext>
    {
        services.AddOptions<ChatKitLimits>().BindConfiguration(ChatKitLimits.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<ChatKitLimits>>().Value);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new SseKeepAlive(
            TimeSpan.FromSeconds(sp.GetRequiredService<ChatKitLimits>().KeepAliveSeconds), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IChatKitStreamAdmission<TContext>, UnlimitedStreams<TContext>>();
        services.TryAddSingleton<IChatKitTransientFailures, NoTransientFailures>();
        services.TryAddSingleton<IChatKitTranscriber<TContext>, NoTranscription<TContext>>();
        services.AddMetrics();
        services.TryAddSingleton<ChatKitMetrics>();
        services.AddSingleton<ChatKitServer<TContext>, TServer>();
        return services;
    }
}
