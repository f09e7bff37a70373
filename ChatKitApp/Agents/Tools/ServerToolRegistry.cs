using ChatKitApp.Agents.Turn;
using Microsoft.Extensions.AI;

namespace ChatKitApp.Agents.Tools;

/// <summary>The server tools offered to the model, by name. Register more with <c>AddSingleton&lt;IServerTool, T&gt;</c>, or an <see cref="IServerToolSource"/> for tools found at run time.</summary>
public sealed class ServerToolRegistry
{
    private readonly Dictionary<string, IServerTool> _tools;
    private readonly IServerToolSource[] _sources;

    public ServerToolRegistry(IEnumerable<IServerTool> tools, IEnumerable<IServerToolSource> sources)
    {
        _sources = [.. sources];
        _tools = [];
        foreach (var tool in tools)
        {
            if (!_tools.TryAdd(tool.Name, tool))
            {
                throw new InvalidOperationException($"Two server tools are named '{tool.Name}'.");
            }
        }
    }

    public IServerTool? Find(string name) => _tools.GetValueOrDefault(name) ?? Dynamic().FirstOrDefault(t => t.Name == name);

    public List<AITool> CreateFunctions(AgentTurn turn) => [.. _tools.Values.Concat(Dynamic()).Select(t => t.CreateFunction(turn))];

    /// <summary>The sources' tools, except any whose name a registered tool already has.</summary>
    private IEnumerable<IServerTool> Dynamic() => _sources.SelectMany(s => s.Tools).Where(t => !_tools.ContainsKey(t.Name));
}
