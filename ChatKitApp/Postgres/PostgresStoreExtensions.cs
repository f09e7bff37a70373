using ChatKitApp.ChatKit.Store;
using ChatKitApp.Feedback;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ChatKitApp.Postgres;

/// <summary>Registers the PostgreSQL store (<see cref="AddPostgresStore{TContext}"/>).</summary>
public static class PostgresStoreExtensions
{
    /// <summary>
    /// The key of the second, non-multiplexed data source: ASP.NET Core's key ring API is
    /// synchronous, and Npgsql runs no synchronous command on a multiplexing data source.
    /// </summary>
    public const string SynchronousDataSourceKey = "chatkit-sync";

    /// <summary>
    /// Keeps ChatKit threads, items, attachment metadata and feedback in PostgreSQL: one pooled
    /// <see cref="NpgsqlDataSource"/>, the schema migrated at start-up (unless
    /// <see cref="PostgresStoreOptions.MigrateOnStartup"/> is off), a <c>postgres</c> health check,
    /// and the data-protection key ring (<see cref="PostgresXmlRepository"/>), so app instances on
    /// one database accept each other's cookies.
    /// </summary>
    public static IHostApplicationBuilder AddPostgresStore<TContext>(this IHostApplicationBuilder builder, string connectionString)
        where TContext : IUserContext
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var services = builder.Services;
        services.AddOptions<PostgresStoreOptions>()
            .BindConfiguration(PostgresStoreOptions.SectionName)
            .Configure(o => o.ConnectionString = connectionString);
        services.TryAddSingleton(sp => CreateDataSourceBuilder(sp.GetRequiredService<IOptions<PostgresStoreOptions>>().Value.ConnectionString)
            .UseLoggerFactory(sp.GetRequiredService<ILoggerFactory>())
            .Build());
        services.TryAddKeyedSingleton(SynchronousDataSourceKey, (sp, _) =>
        {
            var synchronous = CreateDataSourceBuilder(sp.GetRequiredService<IOptions<PostgresStoreOptions>>().Value.ConnectionString);
            synchronous.ConnectionStringBuilder.Multiplexing = false;
            synchronous.ConnectionStringBuilder.MaxPoolSize = 4; // the key ring is read rarely
            return synchronous.UseLoggerFactory(sp.GetRequiredService<ILoggerFactory>()).Build();
        });
        services.AddSingleton<PostgresMigrator>();
        services.AddHostedService<PostgresMigrationService>();
        services.AddSingleton<IChatKitStore<TContext>, PostgresStore<TContext>>();
        services.AddSingleton<IFeedbackStore, PostgresFeedbackStore>();
        services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgres", tags: ["db"]);
        services.AddOptions<KeyManagementOptions>()
            .Configure<IServiceProvider>((options, sp) =>
                options.XmlRepository = new PostgresXmlRepository(sp.GetRequiredKeyedService<NpgsqlDataSource>(SynchronousDataSourceKey)));
        return builder;
    }

    /// <summary>
    /// The store's statements are few and fixed, so they are prepared automatically; it changes no
    /// session state, so pooled connections need no reset round trip (DISCARD ALL) on return; and
    /// its statements are short and many requests run them at once, so they are multiplexed: Npgsql
    /// writes the commands of concurrent requests to a few connections in one go and reads the
    /// answers back together, instead of one send and one receive per statement and request.
    /// (Multiplexing allows no synchronous commands and no session state outside a transaction;
    /// nothing here uses either, and the key ring has its own data source.) Settings in the
    /// connection string win.
    /// </summary>
    internal static NpgsqlDataSourceBuilder CreateDataSourceBuilder(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        // The plain builder lists only the keys the string gives (Npgsql's own one knows every key).
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!given.ContainsKey("Max Auto Prepare"))
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 32;
        }

        if (!given.ContainsKey("No Reset On Close"))
        {
            builder.ConnectionStringBuilder.NoResetOnClose = true;
        }

        if (!given.ContainsKey("Multiplexing"))
        {
            builder.ConnectionStringBuilder.Multiplexing = true;
        }

        return builder;
    }
}
