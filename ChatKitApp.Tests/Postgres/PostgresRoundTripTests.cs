using System.Collections.Concurrent;
using System.Diagnostics;
using ChatKitApp.Tests.Fixtures;
using Npgsql;

namespace ChatKitApp.Tests.Postgres;

/// <summary>
/// How many statements one chat turn sends to PostgreSQL. Round trips set the store's throughput
/// (eng/bench.sh measures it), so their number is pinned here: a change that adds one fails this
/// test and has to say why. Counted from Npgsql's own trace of every command it runs.
/// </summary>
public sealed class PostgresRoundTripTests(PostgresFixture database) : IClassFixture<PostgresFixture>
{
    // Per instance: the thread's insert, its lease taken and given back, the user's and the
    // assistant's items, the thread's changes read and written back under a row lock, the turn's
    // usage record. Limits shared across instances (ChatKit:RateLimits:ShareAcrossInstances, the
    // default) add three: the request counted, the stream's slot taken and given back.
    [Theory]
    [InlineData(false, 8)]
    [InlineData(true, 11)]
    public async Task Threads_create_on_postgres_sends_a_pinned_number_of_statements(bool sharedLimits, int pinned)
    {
        var connectionString = await database.CreateSchemaAsync();
        await using var app = new ChatKitAppFactory(new()
        {
            ["ConnectionStrings:ChatKit"] = connectionString,
            ["ChatKit:Model:Provider"] = "Echo",
            ["ChatKit:RateLimits:ShareAcrossInstances"] = sharedLimits ? "true" : "false",
        });
        using var user = await UserClient.CreateGuestAsync(app);
        await user.Http.CreateThreadAsync("The first turn of a guest"); // the guest's first request may set things up

        var statements = await StatementsDuringAsync(connectionString, () => user.Http.CreateThreadAsync("Count my round trips"));

        Assert.True(statements.Count == pinned, $"{statements.Count} statements:\n{string.Join("\n", statements)}");
    }

    /// <summary>The commands Npgsql ran on this test's schema (its own data source) while <paramref name="action"/> ran.</summary>
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
                if (activity.GetTagItem("db.npgsql.data_source") is string source && source.Contains(schema, StringComparison.Ordinal))
                {
                    seen.Enqueue($"{activity.DisplayName}: {activity.GetTagItem("db.query.text")}");
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await action();
        return [.. seen];
    }
}
