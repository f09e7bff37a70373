using ChatKitApp.Agents.Turn;
using Microsoft.Extensions.AI;

namespace ChatKitApp.Agents.Tools;

/// <summary>The server tools offered to the model, by name. Register more with <c>AddSingleton&lt;IServerTool, T&gt;</c>.</summary>
public sealed class ServerToolRegistry
{
    private readonly Dictionary<string, IServerTool> _tools;

    public ServerToolRegistry(IEnumerable<IServerTool> tools)
    {
        _tools = [];
        foreach (var tool in tools)
        {
            if (!_tools.TryAdd(tool.Name, tool))
            {
                throw new InvalidOperationException($"Two server tools are named '{tool.Name}'.");
            }
        }
    }

    public IServerTool? Find(string name) => _tools.GetValueOrDefault(name);

    public List<AITool> CreateFunctions(AgentTurn turn) => [.. _tools.Values.Select(t => t.CreateFunction(turn))];
}
