using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace ChatKitApp.Agents.Models;

/// <summary>
/// The demo model's handoffs: offered the framework's handoff functions (agents configured with
/// <c>HandoffsTo</c>), it hands off when the message names the target agent (the function's
/// description is the agent's description or name) and asks for it, e.g. "hand me to the specialist".
/// Naming the target, not just asking, keeps two agents that hand off to each other from looping.
/// </summary>
public sealed partial class DemoChatClient
{
    private static FunctionCallContent? HandoffFor(string message, ChatOptions? options, int historyCount)
    {
        if (!HandoffRequest().IsMatch(message))
        {
            return null;
        }

        var handoff = options?.Tools?.OfType<AIFunctionDeclaration>().FirstOrDefault(tool =>
            tool.Name.StartsWith(Microsoft.Agents.AI.Workflows.HandoffWorkflowBuilder.FunctionPrefix, StringComparison.Ordinal)
            && !string.IsNullOrWhiteSpace(tool.Description)
            && Regex.IsMatch(message, @"\b" + Regex.Escape(tool.Description) + @"\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
        return handoff is null ? null : new FunctionCallContent($"demo_handoff_{historyCount}", handoff.Name, new Dictionary<string, object?>());
    }

    [GeneratedRegex(@"\b(hand (me |this )?(off|over|to)|handoff|transfer|talk to|speak to|connect me)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HandoffRequest();
}
