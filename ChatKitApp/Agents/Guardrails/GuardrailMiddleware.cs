using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;

namespace ChatKitApp.Agents.Guardrails;

/// <summary>
/// Agent Framework middleware that runs every <see cref="IGuardrail"/> around an agent run: the user's
/// new message before the agent is called (so a tripped input never reaches the provider), and the
/// reply as it streams, before each piece is passed on (so the offending text is never shown). A trip
/// throws <see cref="GuardrailTrippedException"/>; the responder turns it into what the user sees.
/// Only the guardrails that can refuse something take part: with none configured (the default) the
/// agent runs unwrapped, and without an output guardrail the reply is not collected as it streams.
/// </summary>
public sealed class GuardrailMiddleware(IEnumerable<IGuardrail> guardrails)
{
    private readonly IGuardrail[] _input = [.. guardrails.Where(g => g.ChecksInput)];
    private readonly IGuardrail[] _output = [.. guardrails.Where(g => g.ChecksOutput)];

    public AIAgent Wrap(AIAgent agent) =>
        _input.Length == 0 && _output.Length == 0 ? agent : agent.AsBuilder().Use(RunAsync, RunStreamingAsync).Build();

    private async Task<AgentResponse> RunAsync(
        IEnumerable<ChatMessage> messages, AgentSession? session, AgentRunOptions? options, AIAgent inner, CancellationToken cancellationToken)
    {
        var list = messages.ToList();
        await CheckInputAsync(list, cancellationToken);
        var response = await inner.RunAsync(list, session, options, cancellationToken);
        if (_output.Length > 0)
        {
            await CheckOutputAsync(response.Text, cancellationToken);
        }

        return response;
    }

    private async IAsyncEnumerable<AgentResponseUpdate> RunStreamingAsync(
        IEnumerable<ChatMessage> messages, AgentSession? session, AgentRunOptions? options, AIAgent inner, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var list = messages.ToList();
        await CheckInputAsync(list, cancellationToken);
        var reply = new StringBuilder();
        await foreach (var update in inner.RunStreamingAsync(list, session, options, cancellationToken))
        {
            if (_output.Length > 0 && update.Text is { Length: > 0 } text)
            {
                reply.Append(text);
                await CheckOutputAsync(reply.ToString(), cancellationToken);
            }

            yield return update;
        }
    }

    /// <summary>
    /// Only a turn that ends with the user's message has new input to refuse; a resumed turn (a
    /// client tool's output) was checked before. Earlier user messages that trip (a refused message
    /// stays in the thread, as the user wrote it) are withheld from the model with a placeholder,
    /// so a refused message never reaches the provider in a later turn either.
    /// </summary>
    private async Task CheckInputAsync(List<ChatMessage> messages, CancellationToken cancellationToken)
    {
        if (_input.Length == 0)
        {
            return;
        }

        var newInput = messages.Count > 0 && messages[^1].Role == ChatRole.User ? messages.Count - 1 : -1;
        for (var i = 0; i < messages.Count; i++)
        {
            if (messages[i].Role != ChatRole.User || await FirstTripAsync(messages[i].Text, cancellationToken) is not { } reason)
            {
                continue;
            }

            if (i == newInput)
            {
                throw new GuardrailTrippedException(reason, GuardrailStage.Input);
            }

            messages[i] = new ChatMessage(ChatRole.User, WithheldMessage);
        }
    }

    /// <summary>What the model reads in place of an earlier message a guardrail refused.</summary>
    internal const string WithheldMessage = "(An earlier message was withheld here by a guardrail.)";

    private async Task<string?> FirstTripAsync(string text, CancellationToken cancellationToken)
    {
        foreach (var guardrail in _input)
        {
            if (await guardrail.CheckInputAsync(text, cancellationToken) is { } reason)
            {
                return reason;
            }
        }

        return null;
    }

    private async Task CheckOutputAsync(string text, CancellationToken cancellationToken)
    {
        foreach (var guardrail in _output)
        {
            if (await guardrail.CheckOutputAsync(text, cancellationToken) is { } reason)
            {
                throw new GuardrailTrippedException(reason, GuardrailStage.Output);
            }
        }
    }
}
