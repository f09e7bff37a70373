using ChatKitApp.Hosting;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.Feedback;
using ChatKitApp.Reliability;
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
    /// one database accept each other's cookies. The database is an <see cref="IOutageSource"/>:
    /// while it is unreachable the app answers 503 (see <see cref="OutageGuard"/>).
    /// </summary>
    public static IHostApplicationBuilder AddPostgresStore<TContext>(this IHostApplicationBuilder builder, string connectionString)
        where TContext : IUserContext
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var services = builder.Services;
        services.AddValidatedOptions<PostgresStoreOptions>(PostgresStoreOptions.SectionName)
            .Configure(o => o.ConnectionString = connectionString)
            .Validate(o => o.MigrationRetryMaxDelay >= o.MigrationRetryDelay, "ChatKit:Postgres:MigrationRetryMaxDelay must not be shorter than MigrationRetryDelay.");
        services.AddOutages();
        services.TryAddSingleton<PostgresAvailability>();
        services.AddSingleton<IOutageSource>(sp => sp.GetRequiredService<PostgresAvailability>());
        services.TryAddSingleton(sp => CreateDataSourceBuilder(sp.GetRequiredService<IOptions<PostgresStoreOptions>>().Value.ConnectionString)
            .WithOutageLogging(sp)
            .Build());
        services.TryAddKeyedSingleton(SynchronousDataSourceKey, (sp, _) =>
        {
            var synchronous = CreateDataSourceBuilder(sp.GetRequiredService<IOptions<PostgresStoreOptions>>().Value.ConnectionString);
            synchronous.ConnectionStringBuilder.Multiplexing = false;
            synchronous.ConnectionStringBuilder.MaxPoolSize = 4; // the key ring is read rarely
            return synchronous.WithOutageLogging(sp).Build();
        });
        services.AddSingleton<PostgresMigrator>();
        // First of the hosted services (hosted services start in registration order): data
        // protection's reads the key ring, whose table a migration creates, and on an empty
        // database it would log 42P01 "data_protection_keys does not exist" before the migration ran.
        var firstHostedService = services.ToList().FindIndex(d => d.ServiceType == typeof(IHostedService));
        services.Insert(firstHostedService < 0 ? services.Count : firstHostedService, ServiceDescriptor.Singleton<IHostedService, PostgresMigrationService>());
        services.AddSingleton<IChatKitStore<TContext>, PostgresStore<TContext>>();
        services.AddSingleton<IFeedbackStore, PostgresFeedbackStore>();
        services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgres", tags: ["db", HealthEndpoints.ReadyTag]);
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
    /// <summary>
    /// The app's logging, with Npgsql's per-request outage errors demoted
    /// (<see cref="OutageDemotingLoggerFactory"/>); and a new physical connection that opens is the
    /// database answering again, the end of an outage for the <see cref="OutageLog"/> (a lost server
    /// breaks every pooled connection, so the first success after it opens a new one).
    /// </summary>
    private static NpgsqlDataSourceBuilder WithOutageLogging(this NpgsqlDataSourceBuilder builder, IServiceProvider services)
    {
        var outages = services.GetRequiredService<OutageLog>();
        return builder
            .UseLoggerFactory(new OutageDemotingLoggerFactory(services.GetRequiredService<ILoggerFactory>()))
            .UsePhysicalConnectionInitializer(
                _ => outages.Recovered(),
                _ =>
                {
                    outages.Recovered();
                    return Task.CompletedTask;
                });
    }

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
