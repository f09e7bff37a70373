namespace ChatKitApp.Postgres;

/// <summary>
/// One row of a keyset page: an id and its jsonb document. After a cursor, a single row with
/// both null means "the cursor exists, nothing follows it"; no row at all means an unknown cursor.
/// </summary>
internal sealed record PageRow(string? Id, string? Data);
