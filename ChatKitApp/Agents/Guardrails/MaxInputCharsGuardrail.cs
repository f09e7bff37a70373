using Microsoft.Extensions.Options;

namespace ChatKitApp.Agents.Guardrails;

/// <summary>Trips on a message longer than <see cref="GuardrailOptions.MaxInputChars"/>, before the model sees it.</summary>
public sealed class MaxInputCharsGuardrail(IOptions<GuardrailOptions> options) : IGuardrail
{
    public bool ChecksInput => options.Value.MaxInputChars > 0;

    public bool ChecksOutput => false;

    public ValueTask<string?> CheckInputAsync(string text, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxInputChars;
        return ValueTask.FromResult(max > 0 && text.Length > max
            ? $"Your message is too long for the assistant ({text.Length} characters; the limit is {max})."
            : null);
    }

    public ValueTask<string?> CheckOutputAsync(string text, CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);
}
