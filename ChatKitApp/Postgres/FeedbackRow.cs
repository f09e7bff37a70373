namespace ChatKitApp.Postgres;

/// <summary>
/// A row of the <c>feedback</c> table as Dapper reads it. Properties rather than a positional
/// record: Npgsql reports text[] as <see cref="Array"/>, which Dapper's constructor matching rejects.
/// </summary>
internal sealed record FeedbackRow
{
    public required string UserId { get; init; }

    public required string ThreadId { get; init; }

    public required string[] ItemIds { get; init; }

    public required string Kind { get; init; }

    /// <summary>timestamptz arrives as a UTC <see cref="DateTime"/>.</summary>
    public required DateTime CreatedAt { get; init; }
}
