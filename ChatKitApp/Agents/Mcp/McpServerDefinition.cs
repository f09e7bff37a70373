namespace ChatKitApp.Agents.Mcp;

/// <summary>One MCP server of <c>ChatKit:Mcp:Servers</c>: a command started over stdio, or a URL (Streamable HTTP or SSE).</summary>
public sealed class McpServerDefinition
{
    /// <summary>Prefixes its tools' names (<c>name_tool</c>): letters, digits, <c>_</c> and <c>-</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>The program that runs the server over stdio, e.g. <c>npx</c> or <c>node</c>.</summary>
    public string? Command { get; set; }

    public List<string> Args { get; set; } = [];

    /// <summary>The server's HTTP endpoint, instead of a command.</summary>
    public string? Url { get; set; }
}
