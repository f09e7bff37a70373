namespace ChatKitApp.Agents.Tools;

/// <summary>Server tools known only once the app runs (an MCP server's); <see cref="ServerToolRegistry"/> asks each source every turn.</summary>
public interface IServerToolSource
{
    IReadOnlyList<IServerTool> Tools { get; }
}
