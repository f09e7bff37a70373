using ChatKitApp.Agents.Tools;
using ChatKitApp.Agents.Turn;
using Microsoft.Extensions.AI;
using ModelContextProtocol.Client;

namespace ChatKitApp.Agents.Mcp;

/// <summary>
/// One tool of an MCP server as a server tool: named <c>server_tool</c> so two servers' tools never
/// clash, shown as a workflow task while it runs. A result the server marks as an error goes back to
/// the model as that result, and a failed call as the function-calling loop's error: the model hears
/// of it and the turn goes on.
/// </summary>
public sealed class McpTool(string server, McpClientTool tool) : IServerTool
{
    private readonly McpClientTool _function = tool.WithName($"{server}_{tool.Name}");

    public string Name => _function.Name;

    public string Title => $"Using {tool.Title ?? tool.Name} ({server})";

    public string Icon => "bolt";

    public AIFunction CreateFunction(AgentTurn turn) => _function;
}
