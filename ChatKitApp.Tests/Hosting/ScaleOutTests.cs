using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatKitApp.Postgres;
using ChatKitApp.Tests.Fixtures;
using Dapper;
using Npgsql;

namespace ChatKitApp.Tests.Hosting;

/// <summary>
/// Three instances of the built app (child processes) on one PostgreSQL database, behind nginx as
/// docs/ARCHITECTURE.md describes: the database migrates once though all three start together on an
/// empty schema; one user's ChatKit requests, spread round-robin over the instances, meet the rate
/// limit and the stream cap once, not once per instance; and a thread started on one instance goes
/// on on another. The model is the fake OpenAI server in this process, which holds chosen replies
/// open until the test lets them finish, so "three streams open at once" is a fact, not a timing.
/// </summary>
public sealed class ScaleOutTests(PostgresFixture database) : IClassFixture<PostgresFixture>
{
    private const int Instances = 3;
    private const int RequestsPerWindow = 8; // above the 7 requests of the stream-cap user
    private const int StreamsPerUser = 3;
    private const string Finish = "finish";
    private const string Hold = "hold";
    private const string Reply = "A complete reply.";

    // The migrator's advisory lock class (PostgresMigrator.LockSql).
    private const int MigrationLockClass = 1128221012;

    private static readonly TimeSpan TestTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Three_instances_behind_nginx_migrate_once_share_the_limits_and_continue_each_others_threads()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        var ct = timeout.Token;
        await using var model = await FakeOpenAIServer.StartAsync();
        var releases = Enumerable.Range(0, StreamsPerUser).Select(_ => new TaskCompletionSource()).ToArray();
        model.When(_ => true, FakeReply.Text("Scale-out")); // titles and anything unscripted
        model.When(r => !r.IsTitleRequest && r.LastUserText.StartsWith(Finish, StringComparison.Ordinal), FakeReply.Text("A complete ", "reply."));
        for (var i = 0; i < StreamsPerUser; i++)
        {
            var text = $"{Hold} {i}";
            model.When(r => !r.IsTitleRequest && r.LastUserText == text, FakeReply.Text("A complete ", "reply.") with { HoldUntil = releases[i].Task });
        }

        var schema = await database.CreateSchemaAsync(); // empty: the instances migrate it
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:ChatKit"] = schema,
            ["ChatKit:Model:Provider"] = "OpenAI",
            ["ChatKit:Model:Endpoint"] = model.BaseUrl,
            ["ChatKit:Model:MaxRetries"] = "0",
            ["ChatKit:RateLimits:RequestsPerWindow"] = RequestsPerWindow.ToString(),
            ["ChatKit:RateLimits:RateWindowSeconds"] = "3600",
            ["ChatKit:RateLimits:MaxConcurrentStreamsPerUser"] = StreamsPerUser.ToString(),
            ["ChatKit:RateLimits:MaxConcurrentStreamsPerAddress"] = "0", // every test user comes from 127.0.0.1
            ["ChatKit:RateLimits:NewGuestsPerAddress"] = "0",
            ["ChatKit:ReverseProxy:KnownProxies:0"] = "127.0.0.1",
        };

        var apps = await StartMigratingTogetherAsync(schema, settings, ct);
        try
        {
            await AssertMigratedOnceAsync(schema, apps);
            await using var nginx = await NginxProxy.StartAsync(apps.Select(a => a.BaseAddress), ct);

            await AssertRateLimitHitOnceAsync(nginx, ct);
            await AssertStreamCapHoldsAcrossInstancesAsync(nginx, releases, ct);
            await AssertThreadContinuesOnOtherInstancesAsync(nginx, apps, ct);
        }
        finally
        {
            foreach (var release in releases)
            {
                release.TrySetResult();
            }

            foreach (var app in apps)
            {
                await app.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Starts the instances while the test holds the migrator's lock, waits until all three wait for
    /// it (so they really do race on the empty schema), then lets them go.
    /// </summary>
    private async Task<AppProcess[]> StartMigratingTogetherAsync(string schema, Dictionary<string, string> settings, CancellationToken ct)
    {
        var schemaName = new NpgsqlConnectionStringBuilder(schema).SearchPath!;
        await using var holder = await database.DataSource.OpenConnectionAsync(ct);
        await holder.ExecuteAsync("SELECT pg_advisory_lock(@Class, hashtext(@Schema))", new { Class = MigrationLockClass, Schema = schemaName });
        var starting = Enumerable.Range(0, Instances).Select(_ => AppProcess.StartAsync(settings, ct)).ToList();
        try
        {
            while (await holder.ExecuteScalarAsync<int>(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND classid = @Class AND objid = hashtext(@Schema)::oid",
                new { Class = MigrationLockClass, Schema = schemaName }) < Instances)
            {
                Assert.DoesNotContain(starting, s => s.IsFaulted);
                await Task.Delay(TimeSpan.FromMilliseconds(50), ct);
            }
        }
        finally
        {
            await holder.ExecuteAsync("SELECT pg_advisory_unlock(@Class, hashtext(@Schema))", new { Class = MigrationLockClass, Schema = schemaName });
        }

        return await Task.WhenAll(starting);
    }

    private static async Task AssertMigratedOnceAsync(string schema, AppProcess[] apps)
    {
        var migrating = apps.Where(a => a.Output.Contains("Applying database migration", StringComparison.Ordinal)).ToList();
        Assert.Single(migrating);
        await using var dataSource = NpgsqlDataSource.Create(schema);
        await using var connection = await dataSource.OpenConnectionAsync();
        var versions = (await connection.QueryAsync<int>("SELECT version FROM schema_version ORDER BY version")).ToList();
        Assert.Equal(PostgresMigration.Embedded.Select(m => m.Version).Order(), versions);
    }

    /// <summary>One user's list requests, round-robin over the instances: the window's budget is spent once.</summary>
    private static async Task AssertRateLimitHitOnceAsync(NginxProxy nginx, CancellationToken ct)
    {
        using var user = await SignInAsync(nginx, ct);
        var answers = new List<(HttpStatusCode Status, string Upstream, string? RetryAfter)>();
        for (var i = 0; i < Instances * RequestsPerWindow; i++)
        {
            using var response = await user.PostAsJsonAsync("/chatkit", ChatKitRequestJson.Request("threads.list", []), ct);
            answers.Add((response.StatusCode, Upstream(response), response.Headers.RetryAfter?.ToString()));
        }

        var seen = string.Join(", ", answers.Select(a => $"{(int)a.Status} from {a.Upstream}"));
        Assert.True(answers.Select(a => a.Upstream).Distinct().Count() == Instances, $"Not spread over the instances: {seen}");
        Assert.True(answers.Count(a => a.Status == HttpStatusCode.OK) == RequestsPerWindow, $"Not {RequestsPerWindow} answered: {seen}");
        Assert.All(answers.Skip(RequestsPerWindow), a => Assert.Equal(HttpStatusCode.TooManyRequests, a.Status));
        Assert.All(answers.Skip(RequestsPerWindow), a => Assert.NotNull(a.RetryAfter));
        Assert.Equal(Instances, answers.Where(a => a.Status == HttpStatusCode.TooManyRequests).Select(a => a.Upstream).Distinct().Count());
    }

    /// <summary>
    /// Three held streams, one on each instance; a fourth is refused on whichever instance it meets;
    /// once one of the three has finished, the next one opens.
    /// </summary>
    private static async Task AssertStreamCapHoldsAcrossInstancesAsync(NginxProxy nginx, TaskCompletionSource[] releases, CancellationToken ct)
    {
        using var user = await SignInAsync(nginx, ct);
        var held = new List<HttpResponseMessage>();
        try
        {
            for (var i = 0; i < StreamsPerUser; i++)
            {
                var response = await SendAsync(user, ChatKitRequestJson.CreateThread($"{Hold} {i}"), HttpCompletionOption.ResponseHeadersRead, ct);
                held.Add(response);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            Assert.Equal(Instances, held.Select(Upstream).Distinct().Count());
            for (var i = 0; i < Instances; i++)
            {
                using var refused = await SendAsync(user, ChatKitRequestJson.CreateThread($"{Finish}: one too many"), HttpCompletionOption.ResponseContentRead, ct);
                Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
                Assert.Equal("too_many_streams", (string?)JsonNode.Parse(await refused.Content.ReadAsStringAsync(ct))!["error"]!["code"]);
            }

            // The slot goes back before the response completes, so reading one stream to its end is enough.
            releases[0].SetResult();
            var finished = await held[0].Content.ReadAsStringAsync(ct);
            Assert.Contains(SseReader.Parse(finished), e => (string?)e["type"] == "thread.item.done" && (string?)e["item"]?["type"] == "assistant_message");
            using var next = await SendAsync(user, ChatKitRequestJson.CreateThread($"{Finish}: after one ended"), HttpCompletionOption.ResponseContentRead, ct);
            Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        }
        finally
        {
            foreach (var response in held)
            {
                response.Dispose();
            }
        }
    }

    /// <summary>A thread created on one instance takes a new message on another and reads whole on the third.</summary>
    private static async Task AssertThreadContinuesOnOtherInstancesAsync(NginxProxy nginx, AppProcess[] apps, CancellationToken ct)
    {
        var jar = new CookieContainer();
        using (var viaNginx = Client(nginx.BaseAddress, jar))
        {
            using var page = await viaNginx.GetAsync(new Uri("/", UriKind.Relative), ct); // signs in; the cookie is for 127.0.0.1, any port
            page.EnsureSuccessStatusCode();
        }

        using var first = Client(apps[0].BaseAddress, jar);
        using var second = Client(apps[1].BaseAddress, jar);
        using var third = Client(apps[2].BaseAddress, jar);
        var threadId = await first.CreateThreadAsync($"{Finish}: started on the first instance");
        using (var added = await SendAsync(second, ChatKitRequestJson.Request(
            "threads.add_user_message", new JsonObject { ["thread_id"] = threadId, ["input"] = ChatKitRequestJson.Input($"{Finish}: continued on the second") }),
            HttpCompletionOption.ResponseContentRead, ct))
        {
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
            Assert.DoesNotContain(SseReader.Parse(await added.Content.ReadAsStringAsync(ct)), e => (string?)e["type"] == "error");
        }

        using var items = await third.PostAsJsonAsync("/chatkit", ChatKitRequestJson.Request(
            "items.list", new JsonObject { ["thread_id"] = threadId, ["limit"] = 50, ["order"] = "asc" }), ct);
        Assert.Equal(HttpStatusCode.OK, items.StatusCode);
        var data = JsonNode.Parse(await items.Content.ReadAsStringAsync(ct))!["data"]!.AsArray();
        Assert.Equal(["user_message", "assistant_message", "user_message", "assistant_message"], data.Select(i => (string?)i!["type"]));
        Assert.All(data.Where(i => (string?)i!["type"] == "assistant_message"), i => Assert.Equal(Reply, TextOf(i!.AsObject())));
    }

    private static async Task<HttpClient> SignInAsync(NginxProxy nginx, CancellationToken ct)
    {
        var client = Client(nginx.BaseAddress, new CookieContainer());
        using var page = await client.GetAsync(new Uri("/", UriKind.Relative), ct); // a page visit makes a guest
        page.EnsureSuccessStatusCode();
        return client;
    }

    private static HttpClient Client(Uri baseAddress, CookieContainer jar) =>
        new(new HttpClientHandler { CookieContainer = jar }) { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, JsonObject body, HttpCompletionOption completion, CancellationToken ct) =>
        http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/chatkit") { Content = JsonContent.Create(body) }, completion, ct);

    private static string Upstream(HttpResponseMessage response) =>
        response.Headers.TryGetValues(NginxProxy.UpstreamHeader, out var values) ? values.Single() : throw new InvalidOperationException("nginx named no upstream.");

    private static string TextOf(JsonObject item) =>
        string.Concat((item["content"] as JsonArray ?? []).Select(part => (string?)part?["text"] ?? ""));


}
