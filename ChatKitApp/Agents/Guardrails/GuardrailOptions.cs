using System.ComponentModel.DataAnnotations;

namespace ChatKitApp.Agents.Guardrails;

/// <summary>The built-in guardrails (<c>ChatKit:Guardrails</c>); empty terms and 0 characters turn them off.</summary>
public sealed class GuardrailOptions : IValidatableObject
{
    public const string SectionName = "ChatKit:Guardrails";

    /// <summary>Words or phrases neither the user's message nor the reply may contain (whole words, any case).</summary>
    public List<string> BlockedTerms { get; set; } = [];

    /// <summary>The longest message the user may send to the model, in characters (0 = no limit).</summary>
    [Range(0, 10_000_000)]
    public int MaxInputChars { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BlockedTerms.Any(string.IsNullOrWhiteSpace))
        {
            yield return new ValidationResult("ChatKit:Guardrails:BlockedTerms may not contain an empty term.", [nameof(BlockedTerms)]);
        }
    }
}
