using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ChatKitApp.Agents.Guardrails;

/// <summary>Trips on any of <see cref="GuardrailOptions.BlockedTerms"/> as a whole word (or phrase), in any case, in the message or the reply.</summary>
public sealed class BlockedTermsGuardrail : IGuardrail
{
    private readonly Regex? _pattern;

    public BlockedTermsGuardrail(IOptions<GuardrailOptions> options)
    {
        var terms = options.Value.BlockedTerms.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => Regex.Escape(t.Trim())).ToList();
        // Lookarounds rather than \b: a term that starts or ends with a symbol still matches only on its own.
        _pattern = terms.Count == 0
            ? null
            : new Regex(@"(?<![\p{L}\p{N}_])(?:" + string.Join('|', terms) + @")(?![\p{L}\p{N}_])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    public bool ChecksInput => _pattern is not null;

    public bool ChecksOutput => _pattern is not null;

    public ValueTask<string?> CheckInputAsync(string text, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Find(text) is { } term ? $"Your message was not sent: it contains a blocked term (\"{term}\")." : null);

    public ValueTask<string?> CheckOutputAsync(string text, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Find(text) is not null ? "The reply was withdrawn: it contained a blocked term." : null);

    private string? Find(string text) => _pattern?.Match(text) is { Success: true } match ? match.Value : null;
}
