namespace ChatKitApp.Agents.Runs;

/// <summary>One agent of <c>ChatKit:Agents:Items</c>.</summary>
public sealed class AgentDefinition
{
    /// <summary>The agent's name: what <see cref="ChatKitAgentOptions.Default"/>, <see cref="HandoffsTo"/> and the UI call it.</summary>
    public string Name { get; set; } = "";

    /// <summary>What other agents read when deciding to hand off to this one; unset: the name.</summary>
    public string? Description { get; set; }

    /// <summary>The agent's own instructions, sent with the app's system prompt.</summary>
    public string? Instructions { get; set; }

    /// <summary>The registered tools (server, client or MCP) this agent may call, by name; unset: all of them.</summary>
    public List<string>? Tools { get; set; }

    /// <summary>The agents this one may hand the conversation to, by name.</summary>
    public List<string> HandoffsTo { get; set; } = [];
}
