using System.ComponentModel.DataAnnotations;

namespace ChatKitApp.Postgres;

/// <summary>
/// Settings of the PostgreSQL store, bound from <c>ChatKit:Postgres</c>; the connection string
/// itself comes from <c>ConnectionStrings:ChatKit</c>.
/// </summary>
public sealed class PostgresStoreOptions
{
    public const string SectionName = "ChatKit:Postgres";

    /// <summary>The Npgsql connection string.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// Apply pending schema migrations when the app starts (default). Turn off when a deployment
    /// step runs them instead.
    /// </summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// When the database cannot be reached at start-up, the wait before the second attempt; each
    /// further wait doubles, up to <see cref="MigrationRetryMaxDelay"/>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan MigrationRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between start-up attempts.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan MigrationRetryMaxDelay { get; set; } = TimeSpan.FromMinutes(1);
}
