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
}
