using Microsoft.Agents.AI;
using Microsoft.Agents.AI.Workflows;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace ChatKitApp.Agents.Runs;

/// <summary>
/// The agents of <c>ChatKit:Agents</c> as Agent Framework <see cref="ChatClientAgent"/>s over the app's
/// <see cref="IChatClient"/> pipeline (OpenAI, compatible endpoints, demo and echo alike: the function
/// calling, telemetry and logging stay there). One agent runs alone; agents with handoffs run as the
/// framework's handoff workflow, started at the agent that has the conversation. They are built per
/// turn because their tools belong to the turn.
/// </summary>
public sealed class ConfiguredAgentFactory(
    IChatClient chatClient,
    IOptions<ChatKitAgentOptions> options,
    ILoggerFactory loggerFactory,
    IServiceProvider services) : IChatKitAgentFactory
{
    public ChatKitAgentRun Create(AgentRunRequest request)
    {
        var settings = options.Value;
        var definitions = settings.EffectiveItems;
        var starting = definitions.Any(d => d.Name == request.ActiveAgent) ? request.ActiveAgent! : settings.EffectiveDefault;
        // Only the agents the starting one can reach take part: the workflow refuses unreachable ones,
        // and a specialist that hands off to nobody simply runs alone.
        var reachable = Reachable(definitions, starting);
        var agents = reachable.ToDictionary(d => d.Name, d => CreateAgent(d, request.ChatOptions), StringComparer.Ordinal);
        if (reachable.Count == 1)
        {
            return new ChatKitAgentRun(agents[starting], null, starting);
        }

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

    private ChatClientAgent CreateAgent(AgentDefinition definition, ChatOptions turnOptions)
    {
        var chatOptions = turnOptions.Clone();
        if (definition.Tools is { } allowed)
        {
            chatOptions.Tools = [.. (turnOptions.Tools ?? []).Where(t => allowed.Contains(t.Name, StringComparer.Ordinal))];
            if (chatOptions.ToolMode is RequiredChatToolMode { RequiredFunctionName: { } required } && !allowed.Contains(required, StringComparer.Ordinal))
            {
                chatOptions.ToolMode = ChatToolMode.Auto; // the composer chose a tool this agent does not have
            }
        }

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
