using ChatKitApp.Agents.Mcp;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.Tests.Fixtures;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Server;

namespace ChatKitApp.Tests.Agents.Mcp;

/// <summary>MCP servers' tools in the agent's loop: a real npm server over stdio and an in-process one over HTTP.</summary>
public sealed class McpToolTests
{
    /// <summary>Set by eng/test.sh, which installs the server with npm at a pinned version.</summary>
    private const string EverythingVariable = "CHATKIT_MCP_EVERYTHING";

    [Fact]
    public async Task Everything_servers_echo_tool_result_reaches_the_next_provider_request()
    {
        var entry = Environment.GetEnvironmentVariable(EverythingVariable);
        Assert.True(
            !string.IsNullOrEmpty(entry) && File.Exists(entry),
            $"{EverythingVariable} must name @modelcontextprotocol/server-everything's dist/index.js; eng/test.sh installs it with npm.");
        await using var harness = await AgentHarness.StartAsync(new()
        {
            ["ChatKit:Mcp:Servers:0:Name"] = "everything",
            ["ChatKit:Mcp:Servers:0:Command"] = "node",
            ["ChatKit:Mcp:Servers:0:Args:0"] = entry,
            ["ChatKit:Mcp:Servers:0:Args:1"] = "stdio",
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await harness.Get<McpToolHost>().StartAsync(timeout.Token);
        harness.Fake!.Enqueue(
            FakeReply.ToolCall("call_echo", "everything_echo", """{"message":"hello over stdio"}"""),
            FakeReply.Text("It echoed."));

        var events = await harness.CreateThreadAsync("Echo something", cancellationToken: timeout.Token);

        Assert.Contains("everything_echo", harness.Fake.QueuedRequests[0].ToolNames);
        Assert.Contains("hello over stdio", ToolResult(harness.Fake.QueuedRequests[1], "call_echo"), StringComparison.Ordinal);
        var task = Assert.IsType<CustomTask>(events.OfType<ThreadItemDoneEvent>().Select(d => d.Item).OfType<WorkflowItem>().Single().Workflow.Tasks.Single());
        Assert.Equal("Using Echo Tool (everything)", task.Title);
        Assert.Equal("It echoed.", events.OfType<ThreadItemDoneEvent>().Select(d => d.Item).OfType<AssistantMessageItem>().Single().Content.Single().Text);
    }

    [Fact]
    public async Task Http_servers_tool_runs_as_a_workflow_task_and_its_result_reaches_the_model()
    {
        await using var server = await InProcessServer.StartAsync();
        await using var harness = await AgentHarness.StartAsync(HttpServer(server.Url));
        await harness.Get<McpToolHost>().StartAsync(CancellationToken.None);
        harness.Fake!.Enqueue(FakeReply.ToolCall("call_shout", "web_shout", """{"text":"quiet words"}"""), FakeReply.Text("Shouted."));

        var events = await harness.CreateThreadAsync("Shout it");

        Assert.Contains("QUIET WORDS", ToolResult(harness.Fake.QueuedRequests[1], "call_shout"), StringComparison.Ordinal);
        Assert.Contains(events, e => e is ThreadItemUpdatedEvent { Update: WorkflowTaskAdded { Task: CustomTask { Title: "Using shout (web)" } } });
    }

    [Fact]
    public async Task A_failing_tool_goes_back_to_the_model_as_an_error_and_the_turn_goes_on()
    {
        await using var server = await InProcessServer.StartAsync();
        await using var harness = await AgentHarness.StartAsync(HttpServer(server.Url));
        await harness.Get<McpToolHost>().StartAsync(CancellationToken.None);
        harness.Fake!.Enqueue(FakeReply.ToolCall("call_fail", "web_fail", "{}"), FakeReply.Text("That tool is broken."));

        var events = await harness.CreateThreadAsync("Try the broken tool");

        Assert.Contains("error", ToolResult(harness.Fake.QueuedRequests[1], "call_fail"), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(events, e => e is ErrorEvent);
        Assert.Equal("That tool is broken.", events.OfType<ThreadItemDoneEvent>().Select(d => d.Item).OfType<AssistantMessageItem>().Single().Content.Single().Text);
    }

    [Fact]
    public async Task A_server_that_fails_to_start_is_logged_and_skipped()
    {
        await using var server = await InProcessServer.StartAsync();
        var logs = new CapturingLoggerProvider();
        var settings = HttpServer(server.Url, index: 1);
        settings["ChatKit:Mcp:Servers:0:Name"] = "broken";
        settings["ChatKit:Mcp:Servers:0:Command"] = "/nonexistent/mcp-server";
        await using var harness = await AgentHarness.StartAsync(settings, services => services.AddLogging(b => b.AddProvider(logs)));

        await harness.Get<McpToolHost>().StartAsync(CancellationToken.None);

        Assert.Equal(["web_fail", "web_shout"], harness.Get<McpToolHost>().Tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("'broken'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("bad name", "node", null)]
    [InlineData("both", "node", "http://127.0.0.1/mcp")]
    [InlineData("neither", null, null)]
    [InlineData("relative", null, "/mcp")]
    public void Invalid_servers_fail_validation(string name, string? command, string? url)
    {
        var options = new McpOptions { Servers = [new McpServerDefinition { Name = name, Command = command, Url = url }] };

        Assert.NotEmpty(options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)));
    }

    private static Dictionary<string, string?> HttpServer(string url, int index = 0) => new()
    {
        [$"ChatKit:Mcp:Servers:{index}:Name"] = "web",
        [$"ChatKit:Mcp:Servers:{index}:Url"] = url,
    };

    private static string ToolResult(FakeOpenAIRequest request, string callId) =>
        FakeOpenAIRequest.TextOf(request.Messages.Single(m => m!["role"]!.GetValue<string>() == "tool" && m["tool_call_id"]!.GetValue<string>() == callId)!["content"]);

    /// <summary>A ModelContextProtocol.AspNetCore server on loopback with a working and a failing tool.</summary>
    private sealed class InProcessServer(WebApplication app, string url) : IAsyncDisposable
    {
        public string Url { get; } = url;

        public static async Task<InProcessServer> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            Func<string> fail = () => throw new InvalidOperationException("The vault is locked.");
            builder.Services.AddMcpServer().WithHttpTransport().WithTools(
            [
                McpServerTool.Create((string text) => text.ToUpperInvariant(), new McpServerToolCreateOptions { Name = "shout", Description = "Says the text louder." }),
                McpServerTool.Create(fail, new McpServerToolCreateOptions { Name = "fail", Description = "Always fails." }),
            ]);
            var app = builder.Build();
            app.MapMcp("/mcp");
            return new InProcessServer(app, await LoopbackServer.StartAsync(app) + "/mcp");
        }

        public ValueTask DisposeAsync() => LoopbackServer.StopAsync(app);
    }
}
