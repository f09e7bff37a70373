using ChatKitApp.Agents.Tools;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Client;

namespace ChatKitApp.Agents.Mcp;

/// <summary>
/// Starts the MCP servers of <c>ChatKit:Mcp:Servers</c> with the app and offers their tools to the
/// agents. A server that does not start (or list its tools) in time is logged and skipped: the app
/// still starts, without its tools. The clients (and the stdio servers' processes) stop with the app.
/// </summary>
public sealed partial class McpToolHost(IOptions<McpOptions> options, ILoggerFactory loggerFactory, ILogger<McpToolHost> logger)
    : IHostedService, IServerToolSource, IAsyncDisposable
{
    private readonly List<McpClient> _clients = [];
    private IReadOnlyList<IServerTool> _tools = [];

    public IReadOnlyList<IServerTool> Tools => Volatile.Read(ref _tools);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var tools = new List<IServerTool>();
        foreach (var server in options.Value.Servers)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.StartTimeoutSeconds));
            McpClient? client = null;
            try
            {
                client = await McpClient.CreateAsync(CreateTransport(server), null, loggerFactory, timeout.Token);
                var listed = await client.ListToolsAsync(cancellationToken: timeout.Token);
                tools.AddRange(listed.Select(tool => new McpTool(server.Name, tool)));
                _clients.Add(client);
                LogServerStarted(server.Name, listed.Count);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                LogServerFailed(ex, server.Name);
                if (client is not null)
                {
                    await client.DisposeAsync();
                }
            }
        }

        Volatile.Write(ref _tools, tools);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        Volatile.Write(ref _tools, []);
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        _clients.Clear();
    }

    private IClientTransport CreateTransport(McpServerDefinition server) =>
        string.IsNullOrWhiteSpace(server.Url)
            ? new StdioClientTransport(new StdioClientTransportOptions { Name = server.Name, Command = server.Command!, Arguments = [.. server.Args] }, loggerFactory)
            : new HttpClientTransport(new HttpClientTransportOptions { Name = server.Name, Endpoint = new Uri(server.Url) }, loggerFactory);

    [LoggerMessage(Level = LogLevel.Information, Message = "MCP server '{Server}' started with {Count} tools.")]
    private partial void LogServerStarted(string server, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MCP server '{Server}' did not start; its tools are not offered.")]
    private partial void LogServerFailed(Exception exception, string server);
}
