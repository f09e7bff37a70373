using ChatKitApp.Hosting;
using ChatKitApp.ChatKit.Server;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatKitApp.Reliability;

/// <summary>Outage handling: <see cref="AddOutages"/>, <see cref="UseOutages"/>, <see cref="AllowBeforeReady{TBuilder}"/>.</summary>
public static class OutageExtensions
{
    /// <summary>
    /// <see cref="OutageGuard"/> and <see cref="OutageLog"/>, options from <c>ChatKit:Outages</c>.
    /// Sources register themselves as <see cref="IOutageSource"/>; with none (the in-memory store)
    /// nothing is ever an outage. Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddOutages(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(OutageGuard)))
        {
            return services;
        }

        services.AddValidatedOptions<OutageOptions>(OutageOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<OutageLog>();
        services.AddSingleton<OutageGuard>();
        // The ChatKit endpoint answers outages as the rest of the app does (503, logged once per outage).
        services.Replace(ServiceDescriptor.Singleton<IChatKitTransientFailures>(sp => sp.GetRequiredService<OutageGuard>()));
        return services;
    }

    /// <summary>The <see cref="OutageMiddleware"/>: after the exception handler, before authentication.</summary>
    public static WebApplication UseOutages(this WebApplication app)
    {
        app.UseMiddleware<OutageMiddleware>();
        return app;
    }

    /// <summary>The endpoint answers while the database is not ready yet (the health check says so).</summary>
    public static TBuilder AllowBeforeReady<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(AllowBeforeReadyMetadata.Instance);
}
