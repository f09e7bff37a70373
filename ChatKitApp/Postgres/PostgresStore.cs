using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Store;
using Dapper;
using Npgsql;

namespace ChatKitApp.Postgres;

/// <summary>
/// The production store: threads, items and attachment metadata in PostgreSQL, as jsonb documents
/// beside the columns queries filter and sort on. Every statement is parameterised and scoped by the
/// context's user id, so another user's data is "not found". Pages are keyset scans on
/// (created_at, seq) indexes, so a page costs the same however long the thread or thread list is.
/// Requires the schema of <see cref="PostgresMigrator"/>.
/// </summary>
public sealed class PostgresStore<TContext>(NpgsqlDataSource dataSource) : IChatKitStore<TContext>
    where TContext : IUserContext
{
    private const string LoadThreadSql = "SELECT data FROM threads WHERE user_id = @UserId AND id = @ThreadId";

    private const string ThreadExistsSql = "SELECT EXISTS (SELECT 1 FROM threads WHERE user_id = @UserId AND id = @ThreadId)";

    // On conflict only the document changes: created_at and seq keep the thread's place in the list.
    private const string SaveThreadSql = """
        INSERT INTO threads (user_id, id, created_at, data) VALUES (@UserId, @ThreadId, @CreatedAt, @Data::jsonb)
        ON CONFLICT (user_id, id) DO UPDATE SET data = excluded.data
        """;

    // A new thread with its lease held and its first item, in one statement (so one transaction):
    // the item is inserted only when the thread is. An id that exists already (an id scheme that
    // repeats) is overwritten as SaveThreadSql does, unless another holder's lease is live; then no
    // row comes back. The item's foreign key is checked at the end of the statement, after the insert.
    private const string CreateLeasedThreadSql = """
        WITH thread AS (
            INSERT INTO threads (user_id, id, created_at, data, lease_holder, lease_until)
            VALUES (@UserId, @ThreadId, @ThreadCreatedAt, @ThreadData::jsonb, @Holder, @Until)
            ON CONFLICT (user_id, id) DO UPDATE SET data = excluded.data, lease_holder = excluded.lease_holder, lease_until = excluded.lease_until
            WHERE threads.lease_holder IS NULL OR threads.lease_holder = @Holder OR threads.lease_until <= @Now
            RETURNING id)
        INSERT INTO thread_items (user_id, thread_id, id, created_at, type, data)
        SELECT @UserId, thread.id, @ItemId, @CreatedAt, @Type, @Data::jsonb FROM thread
        ON CONFLICT (user_id, thread_id, id) DO UPDATE SET type = excluded.type, data = excluded.data
        RETURNING true
        """;

    // The common case of UpdateThreadAsync from a seen thread: nobody changed the row since it was
    // seen, so the merged thread is written without a read. jsonb equality ignores key order and
    // spacing; a row that differs (or is gone) updates nothing, and the locked read-merge-write runs.
    private const string UpdateSeenThreadSql = """
        UPDATE threads SET data = @Data::jsonb
        WHERE user_id = @UserId AND id = @ThreadId AND data = @Seen::jsonb
        RETURNING true
        """;

    // The row lock keeps the read-change-write of UpdateThreadAsync atomic against other writers of the thread.
    private const string LoadThreadForUpdateSql = "SELECT data FROM threads WHERE user_id = @UserId AND id = @ThreadId FOR UPDATE";

    // UPDATE, never INSERT: a thread deleted meanwhile stays deleted.
    private const string UpdateThreadSql = "UPDATE threads SET data = @Data::jsonb WHERE user_id = @UserId AND id = @ThreadId";

    // Taken when free, expired, or already this holder's (a renewal); no row back means someone else
    // holds it. Returns true, or (LeaseAndLoadThreadSql) the thread as stored under the new lease.
    private const string LeaseSql = """
        UPDATE threads SET lease_holder = @Holder, lease_until = @Until
        WHERE user_id = @UserId AND id = @ThreadId
          AND (lease_holder IS NULL OR lease_holder = @Holder OR lease_until <= @Now)
        """;

    private const string LeaseThreadSql = LeaseSql + "RETURNING true";

    private const string LeaseAndLoadThreadSql = LeaseSql + "RETURNING data";

    private const string ReleaseLeaseSql = """
        UPDATE threads SET lease_holder = NULL, lease_until = NULL
        WHERE user_id = @UserId AND id = @ThreadId AND lease_holder = @Holder
        """;

    // Threads go first and take their items with them (ON DELETE CASCADE); one statement is one transaction.
    private const string DeleteThreadSql = """
        WITH deleted_attachments AS (DELETE FROM attachments WHERE user_id = @UserId AND thread_id = @ThreadId)
        DELETE FROM threads WHERE user_id = @UserId AND id = @ThreadId
        """;

    // One statement for add and save: an existing id keeps its place (created_at, seq), as the
    // memory store does, and concurrent writers of one id cannot both insert.
    private const string UpsertItemSql = """
        INSERT INTO thread_items (user_id, thread_id, id, created_at, type, data)
        VALUES (@UserId, @ThreadId, @ItemId, @CreatedAt, @Type, @Data::jsonb)
        ON CONFLICT (user_id, thread_id, id) DO UPDATE SET type = excluded.type, data = excluded.data
        """;

    private const string LoadItemSql = "SELECT data FROM thread_items WHERE user_id = @UserId AND thread_id = @ThreadId AND id = @ItemId";

    private const string DeleteItemSql = "DELETE FROM thread_items WHERE user_id = @UserId AND thread_id = @ThreadId AND id = @ItemId";

    private const string SaveAttachmentSql = """
        INSERT INTO attachments (user_id, id, thread_id, data) VALUES (@UserId, @AttachmentId, @ThreadId, @Data::jsonb)
        ON CONFLICT (user_id, id) DO UPDATE SET thread_id = excluded.thread_id, data = excluded.data
        """;

    private const string LoadAttachmentSql = "SELECT data FROM attachments WHERE user_id = @UserId AND id = @AttachmentId";

    private const string DeleteAttachmentSql = "DELETE FROM attachments WHERE user_id = @UserId AND id = @AttachmentId";

    // After a cursor, the cursor row is looked up in the same query and the page is a lateral keyset
    // scan from its (created_at, seq); a missing cursor returns no row at all (see PageRow).
    private static readonly KeysetPageSql ThreadPages = new(
        """
        SELECT id AS Id, data AS Data FROM threads
        WHERE user_id = @UserId
        ORDER BY created_at {dir}, seq {dir}
        LIMIT @Take
        """,
        """
        SELECT p.id AS Id, p.data AS Data
        FROM threads c
        LEFT JOIN LATERAL (
            SELECT t.id, t.data, t.created_at, t.seq FROM threads t
            WHERE t.user_id = @UserId AND (t.created_at, t.seq) {op} (c.created_at, c.seq)
            ORDER BY t.created_at {dir}, t.seq {dir}
            LIMIT @Take) p ON true
        WHERE c.user_id = @UserId AND c.id = @After
        ORDER BY p.created_at {dir}, p.seq {dir}
        """);

    private static readonly KeysetPageSql ItemPages = new(
        """
        SELECT id AS Id, data AS Data FROM thread_items
        WHERE user_id = @UserId AND thread_id = @ThreadId
        ORDER BY created_at {dir}, seq {dir}
        LIMIT @Take
        """,
        """
        SELECT p.id AS Id, p.data AS Data
        FROM thread_items c
        LEFT JOIN LATERAL (
            SELECT t.id, t.data, t.created_at, t.seq FROM thread_items t
            WHERE t.user_id = @UserId AND t.thread_id = @ThreadId AND (t.created_at, t.seq) {op} (c.created_at, c.seq)
            ORDER BY t.created_at {dir}, t.seq {dir}
            LIMIT @Take) p ON true
        WHERE c.user_id = @UserId AND c.thread_id = @ThreadId AND c.id = @After
        ORDER BY p.created_at {dir}, p.seq {dir}
        """);

    private static readonly JsonTypeInfo<ThreadMetadata> ThreadJson = ChatKitJson.StorageType<ThreadMetadata>();
    private static readonly JsonTypeInfo<ThreadItem> ItemJson = ChatKitJson.StorageType<ThreadItem>();
    private static readonly JsonTypeInfo<Attachment> AttachmentJson = ChatKitJson.StorageType<Attachment>();

    // The item's wire "type", kept in its own column for queries that look for one kind of item.
    private static readonly FrozenDictionary<Type, string> ItemTypes = ItemJson.PolymorphismOptions!.DerivedTypes
        .ToFrozenDictionary(d => d.DerivedType, d => (string)d.TypeDiscriminator!);

    public async Task<ThreadMetadata> LoadThreadAsync(string threadId, TContext context, CancellationToken cancellationToken)
    {
        var data = await QuerySingleAsync(LoadThreadSql, new { context.UserId, ThreadId = threadId }, cancellationToken);
        return data is null ? throw ThreadNotFound(threadId) : Deserialize(data, ThreadJson);
    }

    public Task SaveThreadAsync(ThreadMetadata thread, TContext context, CancellationToken cancellationToken) =>
        ExecuteAsync(SaveThreadSql, new
        {
            context.UserId,
            ThreadId = thread.Id,
            CreatedAt = thread.CreatedAt.ToUniversalTime(),
            Data = JsonSerializer.Serialize(thread, ThreadJson),
        }, cancellationToken);

    public async Task CreateLeasedThreadAsync(
        ThreadMetadata thread, ThreadItem firstItem, string holder, DateTimeOffset now, DateTimeOffset until, TContext context, CancellationToken cancellationToken)
    {
        var args = ItemArgs(thread.Id, firstItem, context);
        args.Add("ThreadCreatedAt", thread.CreatedAt.ToUniversalTime());
        args.Add("ThreadData", JsonSerializer.Serialize(thread, ThreadJson));
        args.Add("Holder", holder);
        args.Add("Now", now.ToUniversalTime());
        args.Add("Until", until.ToUniversalTime());
        if (await QueryScalarAsync<bool?>(CreateLeasedThreadSql, args, cancellationToken) is not true)
        {
            throw new InvalidOperationException($"The new thread '{thread.Id}' is leased by another holder.");
        }
    }

    public async Task<ThreadMetadata?> UpdateThreadAsync(
        string threadId, ThreadMetadata seen, Func<ThreadMetadata, ThreadMetadata> change, TContext context, CancellationToken cancellationToken)
    {
        var data = JsonSerializer.Serialize(change(seen), ThreadJson);
        var written = await QueryScalarAsync<bool?>(UpdateSeenThreadSql, new
        {
            context.UserId,
            ThreadId = threadId,
            Data = data,
            Seen = JsonSerializer.Serialize(seen, ThreadJson),
        }, cancellationToken);

        // Read back from what was written, as the other path does: the result shares no object with the caller's.
        return written is true ? Deserialize(data, ThreadJson) : await UpdateThreadAsync(threadId, change, context, cancellationToken);
    }

    public async Task<ThreadMetadata?> UpdateThreadAsync(
        string threadId, Func<ThreadMetadata, ThreadMetadata> change, TContext context, CancellationToken cancellationToken)
    {
        var args = new { context.UserId, ThreadId = threadId };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var data = await connection.ExecuteScalarAsync<string?>(Command(LoadThreadForUpdateSql, args, cancellationToken, transaction));
        if (data is null)
        {
            return null;
        }

        var changed = change(Deserialize(data, ThreadJson));
        await connection.ExecuteAsync(Command(
            UpdateThreadSql, new { context.UserId, ThreadId = threadId, Data = JsonSerializer.Serialize(changed, ThreadJson) }, cancellationToken, transaction));
        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    public async Task<bool> TryLeaseThreadAsync(
        string threadId, string holder, DateTimeOffset now, DateTimeOffset until, TContext context, CancellationToken cancellationToken) =>
        await LeaseAsync(LeaseThreadSql, threadId, holder, now, until, context, cancellationToken) is not null;

    public async Task<ThreadMetadata?> TryLeaseAndLoadThreadAsync(
        string threadId, string holder, DateTimeOffset now, DateTimeOffset until, TContext context, CancellationToken cancellationToken) =>
        await LeaseAsync(LeaseAndLoadThreadSql, threadId, holder, now, until, context, cancellationToken) is string data
            ? Deserialize(data, ThreadJson)
            : null;

    public Task ReleaseThreadLeaseAsync(string threadId, string holder, TContext context, CancellationToken cancellationToken) =>
        ExecuteAsync(ReleaseLeaseSql, new { context.UserId, ThreadId = threadId, Holder = holder }, cancellationToken);

    public async Task<Page<ThreadItem>> LoadThreadItemsAsync(
        string threadId, string? after, int limit, SortOrder order, TContext context, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var args = new { context.UserId, ThreadId = threadId, After = after, Take = limit + 1 };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await QueryPageAsync(connection, ItemPages.For(order, after is not null), args, cancellationToken);
        if (after is not null && rows.Count == 0)
        {
            // No cursor row: on a thread the caller cannot see that is an empty page (as for no cursor),
            // on the caller's own thread an unknown cursor.
            var threadExists = await connection.ExecuteScalarAsync<bool>(Command(ThreadExistsSql, args, cancellationToken));
            return threadExists ? throw CursorNotFound(after) : Page<ThreadItem>.Empty;
        }

        return ToPage(rows, limit, ItemJson);
    }

    public Task SaveAttachmentAsync(Attachment attachment, TContext context, CancellationToken cancellationToken) =>
        ExecuteAsync(SaveAttachmentSql, new
        {
            context.UserId,
            AttachmentId = attachment.Id,
            attachment.ThreadId,
            Data = JsonSerializer.Serialize(attachment, AttachmentJson),
        }, cancellationToken);

    public async Task<Attachment> LoadAttachmentAsync(string attachmentId, TContext context, CancellationToken cancellationToken)
    {
        var data = await QuerySingleAsync(LoadAttachmentSql, new { context.UserId, AttachmentId = attachmentId }, cancellationToken);
        return data is null ? throw new NotFoundException($"Attachment '{attachmentId}' not found.") : Deserialize(data, AttachmentJson);
    }

    public Task DeleteAttachmentAsync(string attachmentId, TContext context, CancellationToken cancellationToken) =>
        ExecuteAsync(DeleteAttachmentSql, new { context.UserId, AttachmentId = attachmentId }, cancellationToken);

    public async Task<Page<ThreadMetadata>> LoadThreadsAsync(
        int limit, string? after, SortOrder order, TContext context, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await QueryPageAsync(
            connection, ThreadPages.For(order, after is not null), new { context.UserId, After = after, Take = limit + 1 }, cancellationToken);
        return after is not null && rows.Count == 0 ? throw CursorNotFound(after) : ToPage(rows, limit, ThreadJson);
    }

    public Task AddThreadItemAsync(string threadId, ThreadItem item, TContext context, CancellationToken cancellationToken) =>
        SaveItemAsync(threadId, item, context, cancellationToken);

    public async Task SaveItemAsync(string threadId, ThreadItem item, TContext context, CancellationToken cancellationToken)
    {
        try
        {
            await ExecuteAsync(UpsertItemSql, ItemArgs(threadId, item, context), cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            // The (user_id, thread_id) key is not one of the caller's threads.
            throw ThreadNotFound(threadId, ex);
        }
    }

    public async Task<ThreadItem> LoadItemAsync(string threadId, string itemId, TContext context, CancellationToken cancellationToken)
    {
        var data = await QuerySingleAsync(LoadItemSql, new { context.UserId, ThreadId = threadId, ItemId = itemId }, cancellationToken);
        return data is null ? throw new NotFoundException($"Item '{itemId}' not found in thread '{threadId}'.") : Deserialize(data, ItemJson);
    }

    public Task DeleteThreadAsync(string threadId, TContext context, CancellationToken cancellationToken) =>
        ExecuteAsync(DeleteThreadSql, new { context.UserId, ThreadId = threadId }, cancellationToken);

    public Task DeleteThreadItemAsync(string threadId, string itemId, TContext context, CancellationToken cancellationToken) =>
        ExecuteAsync(DeleteItemSql, new { context.UserId, ThreadId = threadId, ItemId = itemId }, cancellationToken);

    /// <summary>The parameters of an item's upsert.</summary>
    private static DynamicParameters ItemArgs(string threadId, ThreadItem item, TContext context) => new(new
    {
        context.UserId,
        ThreadId = threadId,
        ItemId = item.Id,
        CreatedAt = item.CreatedAt.ToUniversalTime(),
        Type = ItemTypes[item.GetType()],
        Data = JsonSerializer.Serialize(item, ItemJson),
    });

    /// <summary>What <paramref name="sql"/> (a lease statement) returns when the lease was taken; null while another holds it.</summary>
    private async Task<object?> LeaseAsync(
        string sql, string threadId, string holder, DateTimeOffset now, DateTimeOffset until, TContext context, CancellationToken cancellationToken)
    {
        var args = new { context.UserId, ThreadId = threadId, Holder = holder, Now = now.ToUniversalTime(), Until = until.ToUniversalTime() };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<object?>(Command(sql, args, cancellationToken)) is { } leased)
        {
            return leased;
        }

        // Only on the busy path: tell a held lease from a thread that is not there.
        return await connection.ExecuteScalarAsync<bool>(Command(ThreadExistsSql, args, cancellationToken))
            ? null
            : throw ThreadNotFound(threadId);
    }

    private static Page<T> ToPage<T>(List<PageRow> rows, int limit, JsonTypeInfo<T> json)
    {
        var found = rows.Where(r => r.Id is not null).ToList(); // drops the "cursor, nothing after it" row
        var hasMore = found.Count > limit;
        var data = found.Take(limit).Select(r => Deserialize(r.Data!, json)).ToList();
        return new Page<T> { Data = data, HasMore = hasMore, After = hasMore && limit > 0 ? found[limit - 1].Id : null };
    }

    private static async Task<List<PageRow>> QueryPageAsync(NpgsqlConnection connection, string sql, object args, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<PageRow>(Command(sql, args, cancellationToken))).AsList();

    private Task<string?> QuerySingleAsync(string sql, object args, CancellationToken cancellationToken) =>
        QueryScalarAsync<string?>(sql, args, cancellationToken);

    private async Task<T> QueryScalarAsync<T>(string sql, object args, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.ExecuteScalarAsync<T>(Command(sql, args, cancellationToken)))!;
    }

    private async Task ExecuteAsync(string sql, object args, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(Command(sql, args, cancellationToken));
    }

    private static CommandDefinition Command(string sql, object args, CancellationToken cancellationToken, NpgsqlTransaction? transaction = null) =>
        new(sql, args, transaction, cancellationToken: cancellationToken);

    private static T Deserialize<T>(string json, JsonTypeInfo<T> typeInfo) =>
        JsonSerializer.Deserialize(json, typeInfo) ?? throw new JsonException($"Stored {typeof(T).Name} is null.");

    private static NotFoundException ThreadNotFound(string threadId, Exception? inner = null) =>
        inner is null ? new($"Thread '{threadId}' not found.") : new($"Thread '{threadId}' not found.", inner);

    private static NotFoundException CursorNotFound(string after) => new($"Cursor '{after}' not found.");
}
