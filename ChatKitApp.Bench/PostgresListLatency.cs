using System.Diagnostics;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKitHost;
using ChatKitApp.Postgres;
using Npgsql;

namespace ChatKitApp.Bench;

/// <summary>
/// First-page latency of threads.list and items.list on PostgreSQL, small versus large: a user with
/// 100 threads versus one with 100,000 among 1,000 users, a thread with 100 items versus 100,000.
/// Keyset pages should make the large case cost the same as the small one.
/// </summary>
internal static class PostgresListLatency
{
    private const int Runs = 300;

    public static async Task RunAsync(string server)
    {
        await using var schema = await BenchSchema.CreateAsync(server, commandTimeoutSeconds: 300);
        var dataSource = schema.DataSource;
        var seeding = Stopwatch.StartNew();
        await SeedAsync(dataSource);
        Console.WriteLine($"seeded 1,000 users, 199,900 threads and 100,100 items in {seeding.Elapsed.TotalSeconds:F1} s");

        var store = new PostgresStore<ChatKitRequestContext>(dataSource);
        var small = new ChatKitRequestContext("user_1");
        var big = new ChatKitRequestContext("user_big");
        await Compare("threads.list first page", () => store.LoadThreadsAsync(20, null, SortOrder.Desc, small, default), () => store.LoadThreadsAsync(20, null, SortOrder.Desc, big, default));
        await Compare("items.list first page  ", () => store.LoadThreadItemsAsync("thr_small", null, 20, SortOrder.Desc, big, default), () => store.LoadThreadItemsAsync("thr_large", null, 20, SortOrder.Desc, big, default));
    }

    private static async Task SeedAsync(NpgsqlDataSource dataSource)
    {
        const string Sql = """
            INSERT INTO threads (user_id, id, created_at, data)
            SELECT 'user_' || u, 'thr_' || u || '_' || t, ts, jsonb_build_object('id', 'thr_' || u || '_' || t, 'created_at', to_char(ts, 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), 'status', jsonb_build_object('type', 'active'), 'metadata', '{}'::jsonb)
            FROM generate_series(1, 999) u, generate_series(1, 100) t, LATERAL (SELECT timestamptz '2026-01-01' + (t * interval '1 second')) s(ts);

            INSERT INTO threads (user_id, id, created_at, data)
            SELECT 'user_big', 'thr_big_' || t, ts, jsonb_build_object('id', 'thr_big_' || t, 'created_at', to_char(ts, 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), 'status', jsonb_build_object('type', 'active'), 'metadata', '{}'::jsonb)
            FROM generate_series(1, 100000) t, LATERAL (SELECT timestamptz '2026-01-01' + (t * interval '1 second')) s(ts);

            INSERT INTO threads (user_id, id, created_at, data) VALUES
              ('user_big', 'thr_small', now(), '{"id":"thr_small","created_at":"2026-01-01T00:00:00Z","metadata":{}}'),
              ('user_big', 'thr_large', now(), '{"id":"thr_large","created_at":"2026-01-01T00:00:00Z","metadata":{}}');

            INSERT INTO thread_items (user_id, thread_id, id, created_at, type, data)
            SELECT 'user_big', th.id, 'msg_' || th.id || '_' || i, ts, 'assistant_message',
                   jsonb_build_object('type', 'assistant_message', 'id', 'msg_' || th.id || '_' || i, 'thread_id', th.id, 'created_at', to_char(ts, 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                                      'content', jsonb_build_array(jsonb_build_object('type', 'output_text', 'text', 'Reply number ' || i, 'annotations', '[]'::jsonb)))
            FROM (VALUES ('thr_small', 100), ('thr_large', 100000)) th(id, n), generate_series(1, th.n) i,
                 LATERAL (SELECT timestamptz '2026-01-01' + (i * interval '1 millisecond')) s(ts);

            ANALYZE threads;
            ANALYZE thread_items;
            """;
        await using var command = dataSource.CreateCommand(Sql);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task Compare<T>(string name, Func<Task<T>> small, Func<Task<T>> large)
    {
        var smallTimes = await TimeAsync(small);
        var largeTimes = await TimeAsync(large);
        var ratio = Percentiles.Of(largeTimes, 0.5) / Percentiles.Of(smallTimes, 0.5);
        Console.WriteLine($"{name}: small {Percentiles.Summary(smallTimes)}");
        Console.WriteLine($"{name}: large {Percentiles.Summary(largeTimes)}  => large/small p50 = {ratio:F2}x (target <= 1.5x)");
    }

    private static async Task<List<double>> TimeAsync<T>(Func<Task<T>> call)
    {
        for (var i = 0; i < 30; i++)
        {
            await call();
        }

        var times = new List<double>(Runs);
        for (var i = 0; i < Runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await call();
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return times;
    }
}
