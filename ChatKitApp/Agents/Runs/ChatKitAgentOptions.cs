namespace ChatKitApp.Agents.Runs;

/// <summary>
/// The agents (<c>ChatKit:Agents</c>). Nothing configured means one agent, <see cref="DefaultAgentName"/>,
/// with every tool; agents with <see cref="AgentDefinition.HandoffsTo"/> run as the framework's handoff workflow.
/// </summary>
public sealed class ChatKitAgentOptions
{
    public const string SectionName = "ChatKit:Agents";

    public const string DefaultAgentName = "assistant";

    /// <summary>The agent a new thread starts with; unset: the first item.</summary>
    public string? Default { get; set; }

    public List<AgentDefinition> Items { get; set; } = [];

    /// <summary>The agents after defaulting: never empty.</summary>
    public IReadOnlyList<AgentDefinition> EffectiveItems => Items.Count == 0 ? [new AgentDefinition { Name = DefaultAgentName }] : Items;

    public string EffectiveDefault => string.IsNullOrWhiteSpace(Default) ? EffectiveItems[0].Name : Default;
}
