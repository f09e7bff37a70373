using Microsoft.Extensions.Options;

namespace ChatKitApp.Agents.Runs;

/// <summary>Fails start-up on agents that cannot be built: unnamed or twice-named agents, unknown default or handoff targets.</summary>
public sealed class ChatKitAgentOptionsValidator : IValidateOptions<ChatKitAgentOptions>
{
    public ValidateOptionsResult Validate(string? name, ChatKitAgentOptions options)
    {
        var failures = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Items.Count; i++)
        {
            var agent = options.Items[i];
            if (string.IsNullOrWhiteSpace(agent.Name))
            {
                failures.Add($"ChatKit:Agents:Items:{i}:Name is required.");
            }
            else if (!names.Add(agent.Name))
            {
                failures.Add($"ChatKit:Agents:Items:{i}:Name '{agent.Name}' is used twice.");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.Default) && options.Items.Count > 0 && !names.Contains(options.Default))
        {
            failures.Add($"ChatKit:Agents:Default '{options.Default}' is not one of the agents ({string.Join(", ", names)}).");
        }

        foreach (var agent in options.Items)
        {
            foreach (var target in agent.HandoffsTo)
            {
                if (!names.Contains(target) || target == agent.Name)
                {
                    failures.Add($"ChatKit:Agents: '{agent.Name}' hands off to '{target}', which is not another agent.");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
