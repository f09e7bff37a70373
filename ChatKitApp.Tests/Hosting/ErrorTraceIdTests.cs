using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatKitApp.Attachments;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKitHost;
using ChatKitApp.Hosting;
using ChatKitApp.Reliability;
using ChatKitApp.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ChatKitApp.Tests.Hosting;

/// <summary>
/// Every 5xx JSON error carries a <c>trace_id</c>, and the log line of that failure was written in
/// the same trace, so a user's report of a failure finds its log line (and its spans).
/// </summary>
public sealed class ErrorTraceIdTests(PostgresFixture database) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task A_chatkit_request_failing_in_the_store_gives_internal_error_whose_trace_id_is_in_the_failure_log()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = new ChatKitAppFactory
        {
            TestServices = services =>
            {
                services.AddSingleton<ILoggerProvider>(logs);
                services.AddSingleton(FailingStore.Wrap(
                    new MemoryStore<ChatKitRequestContext>(), (method, _) => method == nameof(IChatKitStore<ChatKitRequestContext>.LoadThreadsAsync)));
            },
        };
        using var user = await UserClient.CreateGuestAsync(app);

        using var response = await user.Http.PostAsJsonAsync("/chatkit", ChatKitRequestJson.Request("threads.list", []));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var traceId = await TraceIdOfAsync(response, "internal_error");
        var failure = Assert.Single(logs.Entries, e => e.Level == LogLevel.Error && e.Exception is InvalidOperationException);
        Assert.Equal(traceId, failure.TraceId);
    }

    [Fact]
    public async Task A_request_during_a_database_outage_gives_503_whose_trace_id_is_in_the_outage_log()
    {
        var server = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        await using var proxy = TcpProxy.Create(server.Host!, server.Port);
        proxy.Up();
        var logs = new CapturingLoggerProvider();
        await using var app = new ChatKitAppFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:ChatKit"] = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port }.ConnectionString,
        })
        {
            TestServices = services => services.AddSingleton<ILoggerProvider>(logs),
        };
        using var user = await UserClient.CreateGuestAsync(app);
        Assert.Empty(await user.Http.ListThreadIdsAsync());

        proxy.Down();
        using var response = await user.Http.PostAsJsonAsync("/chatkit", ChatKitRequestJson.Request("threads.list", []));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var traceId = await TraceIdOfAsync(response, OutageGuard.ErrorCode);
        var failure = Assert.Single(logs.Entries, e => e.Level >= LogLevel.Error && e.Category == typeof(OutageLog).FullName);
        Assert.Equal(traceId, failure.TraceId);
    }

    [Fact]
    public async Task An_unhandled_failure_on_an_api_path_in_production_gives_json_internal_error_whose_trace_id_is_in_the_log()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = await KestrelApp.StartAsync("Production", services: services =>
        {
            services.AddSingleton<ILoggerProvider>(logs);
            services.AddSingleton<IAttachmentBlobStore, UnreadableBlobStore>();
        });
        var attachment = await app.Http.CreateAttachmentAsync();

        using var response = await app.Http.GetAsync(new Uri($"/chatkit/attachments/{attachment}/content", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var traceId = await TraceIdOfAsync(response, "internal_error");
        var failure = Assert.Single(logs.Entries, e => e.Category == typeof(ApiExceptionHandler).FullName);
        Assert.Equal(LogLevel.Error, failure.Level);
        Assert.IsType<IOException>(failure.Exception);
        Assert.Equal(traceId, failure.TraceId);
    }

    [Fact]
    public async Task A_4xx_error_carries_no_trace_id()
    {
        await using var app = new ChatKitAppFactory();
        using var user = await UserClient.CreateGuestAsync(app);

        using var response = await user.Http.PostAsJsonAsync("/chatkit", ChatKitRequestJson.Request("threads.get_by_id", new JsonObject { ["thread_id"] = "thr_missing" }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.AsObject();
        Assert.False(error.ContainsKey("trace_id"), error.ToJsonString());
    }

    /// <summary>The error's code is <paramref name="code"/>; answers its trace id, a W3C trace id (32 hex digits, not all zero).</summary>
    private static async Task<string> TraceIdOfAsync(HttpResponseMessage response, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        var error = JsonNode.Parse(body)!["error"]!;
        Assert.Equal(code, (string?)error["code"]);
        var traceId = (string?)error["trace_id"];
        Assert.True(traceId is { Length: 32 } && traceId.All(char.IsAsciiHexDigitLower) && traceId.Any(c => c != '0'), body);
        return traceId;
    }

    /// <summary>Blob storage whose reads fail as a broken disk would; everything else does nothing.</summary>
    private sealed class UnreadableBlobStore : IAttachmentBlobStore
    {
        public Task SaveAsync(string userId, string attachmentId, byte[] content, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<byte[]?> ReadAsync(string userId, string attachmentId, CancellationToken cancellationToken) =>
            throw new IOException("The blob could not be read.");

        public Task DeleteAsync(string userId, string attachmentId, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task DeleteThreadAsync(string userId, string threadId, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
