using System.Diagnostics;
using ChatKitApp.Postgres;
using Npgsql;

namespace ChatKitApp.Bench;

/// <summary>
/// First-page latency of chat search (<see cref="PostgresChatSearch"/>, 20 hits with snippets) for a
/// user with 100,000 messages (1,000 threads of 100) versus one with 100, both beside 100 other
/// users of 1,000 messages each. The messages are generated sentences; "lighthouse" is in 1 % of
/// them, "harbour" in 10 %, so a query ranks 1,000 or 10,000 of the large user's messages.
/// Target: p95 under 50 ms for the large user's first page.
/// </summary>
internal static class PostgresSearchLatency
{
    private const int Runs = 300;

    public static async Task RunAsync(string server)
    {
        await using var schema = await BenchSchema.CreateAsync(server, commandTimeoutSeconds: 600);
        var dataSource = schema.DataSource;
        var seeding = Stopwatch.StartNew();
        await SeedAsync(dataSource);
        Console.WriteLine($"seeded 200,100 messages (user_big 100,000, user_small 100, 100 others 1,000 each) in {seeding.Elapsed.TotalSeconds:F1} s");

        var search = new PostgresChatSearch(dataSource);
        foreach (var query in new[] { "lighthouse", "harbour", "lighthouse keeper" })
        {
            foreach (var user in new[] { "user_small", "user_big" })
            {
                var hits = (await search.SearchAsync(user, query, 20, default)).Count;
                var times = await TimeAsync(() => search.SearchAsync(user, query, 20, default));
                Console.WriteLine($"search \"{query}\" {user,-10} ({hits,2} hits): {Percentiles.Summary(times)}, p95 {Percentiles.Of(times, 0.95):F3} ms");
            }
        }
    }

    private static async Task SeedAsync(NpgsqlDataSource dataSource)
    {
        // Users and their sizes: (user, threads, messages per thread). Message i of a thread gets
        // words picked by i, so the word frequencies are the same for every user.
        const string Sql = """
            CREATE TEMP TABLE bench_users (user_id text, threads int, per_thread int);
            INSERT INTO bench_users VALUES ('user_big', 1000, 100), ('user_small', 1, 100);
            INSERT INTO bench_users SELECT 'user_' || u, 10, 100 FROM generate_series(1, 100) u;

            INSERT INTO threads (user_id, id, created_at, data)
            SELECT b.user_id, 'thr_' || b.user_id || '_' || t, ts,
                   jsonb_build_object('id', 'thr_' || b.user_id || '_' || t, 'title', 'Thread ' || t, 'created_at', to_char(ts, 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                                      'status', jsonb_build_object('type', 'active'), 'metadata', '{}'::jsonb)
            FROM bench_users b, generate_series(1, b.threads) t, LATERAL (SELECT timestamptz '2026-01-01' + (t * interval '1 second')) s(ts);

            INSERT INTO thread_items (user_id, thread_id, id, created_at, type, data)
            SELECT b.user_id, 'thr_' || b.user_id || '_' || t, 'msg_' || b.user_id || '_' || t || '_' || i, ts, kind,
                   jsonb_build_object('type', kind, 'id', 'msg_' || b.user_id || '_' || t || '_' || i, 'thread_id', 'thr_' || b.user_id || '_' || t,
                                      'created_at', to_char(ts, 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                                      'content', jsonb_build_array(jsonb_build_object('type', part, 'text', text)))
            FROM bench_users b, generate_series(1, b.threads) t, generate_series(1, b.per_thread) i,
                 LATERAL (SELECT (t * b.per_thread + i) AS n) k,
                 LATERAL (SELECT CASE WHEN i % 2 = 1 THEN 'user_message' ELSE 'assistant_message' END AS kind,
                                 CASE WHEN i % 2 = 1 THEN 'input_text' ELSE 'output_text' END AS part,
                                 timestamptz '2026-01-01' + (t * interval '1 minute') + (i * interval '1 millisecond') AS ts,
                                 format('On day %s we talked about the %s near the %s, then the %s and the %s; %s notes on travel, budget, weather and food follow.',
                                        k.n % 365,
                                        (ARRAY['garden','market','bridge','museum','station','river','castle','forest','valley','meadow'])[k.n % 10 + 1],
                                        CASE WHEN k.n % 100 = 7 THEN 'lighthouse' ELSE (ARRAY['village','tower','chapel','square','school'])[k.n % 5 + 1] END,
                                        CASE WHEN k.n % 10 = 3 THEN 'harbour' ELSE (ARRAY['bakery','library','theatre','stadium'])[k.n % 4 + 1] END,
                                        CASE WHEN k.n % 300 = 7 THEN 'keeper' ELSE (ARRAY['ferry','tram','bus'])[k.n % 3 + 1] END,
                                        (ARRAY['Short','Long','Some','Many'])[k.n % 4 + 1]) AS text) m;

            ANALYZE threads;
            ANALYZE thread_items;
            """;
        await using var command = dataSource.CreateCommand(Sql);
        await command.ExecuteNonQueryAsync();

        // What autovacuum does to a settled table (visibility map, hint bits); not in a transaction.
        await using var vacuum = dataSource.CreateCommand("VACUUM thread_items");
        await vacuum.ExecuteNonQueryAsync();
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
