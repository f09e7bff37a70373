using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatKitApp.Tests.Fixtures;

/// <summary>
/// OpenAI's ChatKit sessions API (<c>POST /v1/chatkit/sessions</c>) on loopback Kestrel: records
/// each request and answers with the status and body a test sets.
/// </summary>
public sealed class FakeChatKitSessionsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Authorization, string Beta, JsonObject Body)> _requests = new();

    private FakeChatKitSessionsServer(WebApplication app)
    {
        _app = app;
        _app.MapPost("/v1/chatkit/sessions", async (HttpContext http) =>
        {
            var body = await JsonNode.ParseAsync(http.Request.Body) as JsonObject ?? [];
            _requests.Enqueue((http.Request.Headers.Authorization.ToString(), http.Request.Headers["OpenAI-Beta"].ToString(), body));
            http.Response.StatusCode = Status;
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(Body);
        });
    }

    public string BaseUrl { get; private set; } = "";

    public int Status { get; set; } = 200;

    public string Body { get; set; } = """{"id":"cksess_1","object":"chatkit.session","client_secret":"ek_test_secret","expires_after":{"anchor":"created_at","seconds":600}}""";

    public IReadOnlyList<(string Authorization, string Beta, JsonObject Body)> Requests => [.. _requests];

    public static async Task<FakeChatKitSessionsServer> StartAsync()
    {
        var server = new FakeChatKitSessionsServer(LoopbackServer.Create());
        server.BaseUrl = await LoopbackServer.StartAsync(server._app) + "/v1";
        return server;
    }

    public ValueTask DisposeAsync() => LoopbackServer.StopAsync(_app);
}
