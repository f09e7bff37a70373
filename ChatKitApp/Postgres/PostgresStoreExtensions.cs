using ChatKitApp.ChatKit.Store;
using ChatKitApp.Feedback;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ChatKitApp.Postgres;

public static class PostgresStoreExtensions
{
    /// <summary>
    /// Keeps ChatKit threads, items, attachment metadata and feedback in PostgreSQL: one pooled
    /// <see cref="NpgsqlDataSource"/>, the schema migrated at start-up (unless
    /// <see cref="PostgresStoreOptions.MigrateOnStartup"/> is off) and a <c>postgres</c> health check.
    /// </summary>
    public static IHostApplicationBuilder AddPostgresStore<TContext>(this IHostApplicationBuilder builder, string connectionString)
        where TContext : IUserContext
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var services = builder.Services;
        services.AddOptions<PostgresStoreOptions>()
            .BindConfiguration(PostgresStoreOptions.SectionName)
            .Configure(o => o.ConnectionString = connectionString);
        services.TryAddSingleton(sp => new NpgsqlDataSourceBuilder(sp.GetRequiredService<IOptions<PostgresStoreOptions>>().Value.ConnectionString)
            .UseLoggerFactory(sp.GetRequiredService<ILoggerFactory>())
            .Build());
        services.AddSingleton<PostgresMigrator>();
        services.AddHostedService<PostgresMigrationService>();
        services.AddSingleton<IChatKitStore<TContext>, PostgresStore<TContext>>();
        services.AddSingleton<IFeedbackStore, PostgresFeedbackStore>();
        services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgres", tags: ["db"]);
        return builder;
    }
}
