using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using ChatKitApp.Tests.Fixtures;
using Npgsql;

namespace ChatKitApp.Tests.Postgres;

/// <summary>
/// How many round trips one chat turn makes to PostgreSQL. Round trips set the store's throughput
/// (eng/bench.sh measures it), so their number is pinned here: a change that adds one fails this
/// test and has to say why. Counted from Npgsql's own trace, which has one activity per command or
/// batch it sends (one round trip each). A transaction's COMMIT is not traced, but no statement of
/// these turns runs in one: the only transaction on the path, the locked read-merge-write that a
/// thread save falls back to when another request changed the thread, would show as two more statements.
/// </summary>
public sealed class PostgresRoundTripTests(PostgresFixture database) : IClassFixture<PostgresFixture>
{
    // Per instance (before: eight statements; the thread's insert and its lease, the thread's locked
    // read and write, were two each):
    // 1. the thread inserted with its lease held and the user's message, in one statement;
    // 2. the generated title saved, guarded by the thread as the turn saw it (no read, no row lock);
    // 3. the assistant's message;
    // 4. the turn's usage record;
    // 5. the lease given back.
    // Limits shared across instances (ChatKit:RateLimits:ShareAcrossInstances, the default) add
    // three: the request counted, the stream's slot taken and given back.
    [Theory]
    [InlineData(false, 5)]
    [InlineData(true, 8)]
    public async Task Threads_create_on_postgres_makes_a_pinned_number_of_round_trips(bool sharedLimits, int pinned)
    {
        var connectionString = await database.CreateSchemaAsync();
        await using var app = NewApp(connectionString, sharedLimits);
        using var user = await UserClient.CreateGuestAsync(app);
        await user.Http.CreateThreadAsync("The first turn of a guest"); // the guest's first request may set things up

        var statements = await StatementsDuringAsync(connectionString, () => user.Http.CreateThreadAsync("Count my round trips"));

        Assert.True(statements.Count == pinned, $"{statements.Count} statements:\n{string.Join("\n", statements)}");
    }

    // Per instance, on a thread of a thousand items (before: seven statements; the lease and the
    // thread's read were two):
    // 1. the thread's lease taken, the thread read back in the same statement;
    // 2. the user's message;
    // 3. the newest items, the model's history (one page, however long the thread);
    // 4. the assistant's message;
    // 5. the turn's usage record;
    // 6. the lease given back.
    // Limits shared across instances add the same three as above.
    [Theory]
    [InlineData(false, 6)]
    [InlineData(true, 9)]
    public async Task Add_user_message_on_a_long_thread_on_postgres_makes_a_pinned_number_of_round_trips(bool sharedLimits, int pinned)
    {
        var connectionString = await database.CreateSchemaAsync();
        await using var app = NewApp(connectionString, sharedLimits);
        using var user = await UserClient.CreateGuestAsync(app);
        var threadId = await user.Http.CreateThreadAsync("A thread that grows long");
        await GrowToAThousandItemsAsync(connectionString, threadId);

        var statements = await StatementsDuringAsync(connectionString, () => user.Http.StreamAsync(ChatKitRequestJson.Request(
            "threads.add_user_message", new JsonObject { ["thread_id"] = threadId, ["input"] = ChatKitRequestJson.Input("Count my round trips") })));

        Assert.True(statements.Count == pinned, $"{statements.Count} statements:\n{string.Join("\n", statements)}");
    }

    private static ChatKitAppFactory NewApp(string connectionString, bool sharedLimits) => new(new()
    {
        ["ConnectionStrings:ChatKit"] = connectionString,
        ["ChatKit:Model:Provider"] = "Echo",
        ["ChatKit:RateLimits:ShareAcrossInstances"] = sharedLimits ? "true" : "false",
    });

    /// <summary>Copies the thread's two items 500 times, older than them, so the thread holds 1,002.</summary>
    private static async Task GrowToAThousandItemsAsync(string connectionString, string threadId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var copy = new NpgsqlCommand(
            """
            INSERT INTO thread_items (user_id, thread_id, id, created_at, type, data)
            SELECT i.user_id, i.thread_id, i.id || '_' || n, i.created_at - n * interval '1 second', i.type,
                   jsonb_set(i.data, '{id}', to_jsonb(i.id || '_' || n))
            FROM thread_items i CROSS JOIN generate_series(1, 500) n
            WHERE i.thread_id = @ThreadId
            """, connection);
        copy.Parameters.AddWithValue("ThreadId", threadId);
        Assert.Equal(1000, await copy.ExecuteNonQueryAsync());
    }

    /// <summary>The commands (and batches) Npgsql ran on this test's schema (its own data source) while <paramref name="action"/> ran.</summary>
    private static async Task<List<string>> StatementsDuringAsync(string connectionString, Func<Task> action)
    {
        var schema = new NpgsqlConnectionStringBuilder(connectionString).SearchPath!;
        var seen = new ConcurrentQueue<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                // Opening a physical connection is traced too; the pool keeps it, so it is not a turn's cost.
                if (activity.GetTagItem("db.npgsql.data_source") is string source && source.Contains(schema, StringComparison.Ordinal)
                    && activity.GetTagItem("db.query.text") is string text)
                {
                    seen.Enqueue($"{activity.DisplayName}: {text}");
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await action();
        return [.. seen];
    }
}
