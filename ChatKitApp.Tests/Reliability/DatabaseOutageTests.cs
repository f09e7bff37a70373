using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatKitApp.Reliability;
using ChatKitApp.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ChatKitApp.Tests.Reliability;

/// <summary>The database goes away while the app runs (a proxy in front of the test PostgreSQL is cut).</summary>
public sealed partial class DatabaseOutageTests(PostgresFixture database) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Requests_during_an_outage_answer_503_with_retry_after_and_log_one_error_then_summaries()
    {
        var clock = new FixedTimeProvider(DateTimeOffset.UtcNow);
        await using var outage = await StartAsync(clock);
        var (proxy, app, logs, user) = outage;
        var thread = await user.Http.CreateThreadAsync("Before the outage");
        var start = logs.Entries.Count;

        proxy.Down();
        var requests = new Func<Task<HttpResponseMessage>>[]
        {
            () => user.Http.PostAsJsonAsync("/chatkit", ChatKitRequestJson.Request("threads.list", [])),
            () => user.Http.PostAsJsonAsync("/chatkit", ChatKitRequestJson.Request("threads.get_by_id", new JsonObject { ["thread_id"] = thread })),
            () => user.Http.PostAsJsonAsync("/chatkit", ChatKitRequestJson.CreateThread("During the outage")), // streaming: fails before its first event
            () => user.Http.PostAsJsonAsync("/chatkit", ChatKitRequestJson.Request("items.list", new JsonObject { ["thread_id"] = thread })),
            () => user.Http.GetAsync(new Uri("/chatkit/attachments/atc_0123456789abcdef/content", UriKind.Relative)),
        };
        for (var i = 0; i < 40; i++)
        {
            using var response = await requests[i % requests.Length]();
            await OutageAssert.UnavailableAsync(response); // with the cookie: its key ring is cached, so no 401
            clock.Now += TimeSpan.FromSeconds(1); // 40 requests over 40 s
        }

        var during = logs.Entries.Skip(start).ToList();
        var error = Assert.Single(during, e => e.Level >= LogLevel.Error);
        Assert.Equal(typeof(OutageLog).FullName, error.Category);
        Assert.IsAssignableFrom<NpgsqlException>(error.Exception);
        Assert.Single(during, e => e.Exception is not null); // one stack trace in all
        var summaries = during.Where(e => e.Category == typeof(OutageLog).FullName && e.Level == LogLevel.Warning).ToList();
        Assert.Equal(7, summaries.Count); // one per 5 s after the first failure: at 5, 10, …, 35 s
        Assert.All(summaries, s => Assert.Equal("5 requests failed in the last 5s: database unavailable.", s.Message));

        proxy.Up();
        Assert.Equal([thread], await user.Http.ListThreadIdsAsync());
        var recovered = Assert.Single(logs.Entries.Skip(start), e => e.Level == LogLevel.Information && e.Category == typeof(OutageLog).FullName);
        Assert.Equal("The database is available again after 40s; 40 requests failed meanwhile.", recovered.Message);
    }

    [Fact]
    public async Task A_page_during_an_outage_is_503_for_a_cookie_whose_session_cannot_be_checked_and_renders_for_a_new_guest()
    {
        await using var outage = await StartAsync(TimeProvider.System);
        var (proxy, app, _, user) = outage;

        proxy.Down();

        // Sessions are revocable server-side: a cookie is never accepted unchecked, so while the
        // session store is unreachable its holder is told to come back rather than let in.
        using var signedIn = await user.Http.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, signedIn.StatusCode);
        Assert.True(signedIn.Headers.Contains("Retry-After"));

        // A browser without a cookie needs no database: the key ring is cached since start-up.
        using var newGuest = await UserClient.CreateGuestAsync(app);
        Assert.NotEqual(user.UserId, newGuest.UserId);
    }

    [Fact]
    public async Task A_sign_in_during_an_outage_answers_503_instead_of_500()
    {
        await using var outage = await StartAsync(TimeProvider.System);
        var (proxy, app, _, user) = outage;
        var html = await user.Http.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        var fields = HiddenInput().Matches(html).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Input.Email"] = "someone@example.com";
        fields["Input.Password"] = "correct horse battery";

        proxy.Down();
        using var response = await user.Http.PostAsync(new Uri("/account/login", UriKind.Relative), new FormUrlEncodedContent(fields));

        await OutageAssert.UnavailableAsync(response);
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();

    /// <summary>
    /// The app on the fixture's schema through a proxy that is up, on <paramref name="clock"/>, with a
    /// log capture and a guest.
    /// </summary>
    private async Task<Running> StartAsync(TimeProvider clock)
    {
        var server = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var proxy = TcpProxy.Create(server.Host!, server.Port);
        proxy.Up();
        var logs = new CapturingLoggerProvider();
        var app = new ChatKitAppFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:ChatKit"] = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port }.ConnectionString,
        })
        {
            TestServices = services =>
            {
                services.AddSingleton<ILoggerProvider>(logs);
                services.AddSingleton(clock);
            },
        };
        return new Running(proxy, app, logs, await UserClient.CreateGuestAsync(app));
    }

    private sealed record Running(TcpProxy Proxy, ChatKitAppFactory App, CapturingLoggerProvider Logs, UserClient User) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            User.Dispose();
            await App.DisposeAsync();
            await Proxy.DisposeAsync();
            Logs.Dispose();
        }
    }
}
