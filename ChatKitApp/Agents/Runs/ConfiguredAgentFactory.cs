using System.Collections.Concurrent;
using Microsoft.Agents.AI;
using Microsoft.Agents.AI.Workflows;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace ChatKitApp.Agents.Runs;

/// <summary>
/// The agents of <c>ChatKit:Agents</c> as Agent Framework <see cref="ChatClientAgent"/>s over the app's
/// <see cref="IChatClient"/> pipeline (OpenAI, compatible endpoints, demo and echo alike: the function
/// calling, telemetry and logging stay there). One agent runs alone; agents with handoffs run as the
/// framework's handoff workflow, started at the agent that has the conversation. An agent that runs
/// alone is built once and given the turn's tools and choices as run options; agents in a handoff
/// workflow are built per turn, with the turn's tools in their own options, since the workflow
/// passes no run options on to them.
/// </summary>
public sealed class ConfiguredAgentFactory(
    IChatClient chatClient,
    IOptions<ChatKitAgentOptions> options,
    ILoggerFactory loggerFactory,
    IServiceProvider services) : IChatKitAgentFactory
{
    // Agents that run alone, by name: they hold only what never changes (name, instructions).
    private readonly ConcurrentDictionary<string, ChatClientAgent> _alone = new(StringComparer.Ordinal);

    public ChatKitAgentRun Create(AgentRunRequest request)
    {
        var settings = options.Value;
        var definitions = settings.EffectiveItems;
        var starting = definitions.Any(d => d.Name == request.ActiveAgent) ? request.ActiveAgent! : settings.EffectiveDefault;
        // Only the agents the starting one can reach take part: the workflow refuses unreachable ones,
        // and a specialist that hands off to nobody simply runs alone.
        var reachable = Reachable(definitions, starting);
        if (reachable.Count == 1)
        {
            var alone = _alone.GetOrAdd(starting, _ => CreateAgent(reachable[0], new ChatOptions()));
            return new ChatKitAgentRun(alone, new ChatClientAgentRunOptions(TurnOptions(reachable[0], request.ChatOptions)), starting);
        }

        var agents = reachable.ToDictionary(d => d.Name, d => CreateAgent(d, TurnOptions(d, request.ChatOptions)), StringComparer.Ordinal);

        var builder = AgentWorkflowBuilder.CreateHandoffBuilderWith(agents[starting]);
        foreach (var definition in reachable.Where(d => d.HandoffsTo.Count > 0))
        {
            builder.WithHandoffs(agents[definition.Name], definition.HandoffsTo.Select(name => agents[name]));
        }

        var workflow = builder.Build().AsAIAgent(name: "handoffs");
        return new ChatKitAgentRun(workflow.AsBuilder().Use(AttributeReplies(starting), AttributeStreamingReplies(starting)).Build(services), null, starting);
    }

    /// <summary>
    /// The workflow shows each agent the other agents' replies as user messages (by author name); the
    /// thread's earlier replies carry no author, so they are attributed to the agent that has the
    /// conversation, which keeps them assistant messages for it.
    /// </summary>
    private static Func<IEnumerable<ChatMessage>, AgentSession?, AgentRunOptions?, AIAgent, CancellationToken, Task<AgentResponse>> AttributeReplies(string agent) =>
        (messages, session, runOptions, inner, cancellationToken) => inner.RunAsync(Attributed(messages, agent), session, runOptions, cancellationToken);

    private static Func<IEnumerable<ChatMessage>, AgentSession?, AgentRunOptions?, AIAgent, CancellationToken, IAsyncEnumerable<AgentResponseUpdate>> AttributeStreamingReplies(string agent) =>
        (messages, session, runOptions, inner, cancellationToken) => inner.RunStreamingAsync(Attributed(messages, agent), session, runOptions, cancellationToken);

    private static List<ChatMessage> Attributed(IEnumerable<ChatMessage> messages, string agent) =>
        [.. messages.Select(m => m.Role == ChatRole.Assistant && m.AuthorName is null ? CloneWithAuthor(m, agent) : m)];

    private static ChatMessage CloneWithAuthor(ChatMessage message, string agent)
    {
        var clone = message.Clone();
        clone.AuthorName = agent;
        return clone;
    }

    private static List<AgentDefinition> Reachable(IReadOnlyList<AgentDefinition> definitions, string starting)
    {
        var byName = definitions.ToDictionary(d => d.Name, StringComparer.Ordinal);
        var found = new List<AgentDefinition> { byName[starting] };
        for (var i = 0; i < found.Count; i++)
        {
            found.AddRange(found[i].HandoffsTo.Select(name => byName[name]).Where(d => !found.Contains(d)).Distinct());
        }

        return found;
    }

    /// <summary>The turn's options as <paramref name="definition"/> may use them: only its own tools.</summary>
    private static ChatOptions TurnOptions(AgentDefinition definition, ChatOptions turnOptions)
    {
        if (definition.Tools is not { } allowed)
        {
            return turnOptions;
        }

        var chatOptions = turnOptions.Clone();
        chatOptions.Tools = [.. (turnOptions.Tools ?? []).Where(t => allowed.Contains(t.Name, StringComparer.Ordinal))];
        if (chatOptions.ToolMode is RequiredChatToolMode { RequiredFunctionName: { } required } && !allowed.Contains(required, StringComparer.Ordinal))
        {
            chatOptions.ToolMode = ChatToolMode.Auto; // the composer chose a tool this agent does not have
        }

        return chatOptions;
    }

    /// <param name="options">What the agent always runs with; its instructions are the definition's.</param>
    private ChatClientAgent CreateAgent(AgentDefinition definition, ChatOptions options)
    {
        var chatOptions = options.Clone();
        chatOptions.Instructions = definition.Instructions;
        return new ChatClientAgent(
            chatClient,
            new ChatClientAgentOptions
            {
                Id = definition.Name,
                Name = definition.Name,
                Description = definition.Description ?? definition.Name,
                ChatOptions = chatOptions,
            },
            loggerFactory,
            services);
    }
}
