namespace ChatKitApp.Agents.Guardrails;

/// <summary>
/// A check around every agent run (<see cref="GuardrailMiddleware"/>). Return null to let the text
/// through, or the reason the user sees. Register yours with <c>AddSingleton&lt;IGuardrail, T&gt;</c>.
/// </summary>
public interface IGuardrail
{
    /// <summary>
    /// Whether <see cref="CheckInputAsync"/> can refuse anything. A guardrail its settings turned off
    /// says no, so a turn pays nothing for it.
    /// </summary>
    bool ChecksInput => true;

    /// <summary>
    /// Whether <see cref="CheckOutputAsync"/> can refuse anything. When no guardrail does, the reply
    /// streams without being collected and checked after every piece.
    /// </summary>
    bool ChecksOutput => true;

    /// <summary>Checks the user's new message before any provider call.</summary>
    ValueTask<string?> CheckInputAsync(string text, CancellationToken cancellationToken);

    /// <summary>Checks the reply so far, after each piece of it the model streams.</summary>
    ValueTask<string?> CheckOutputAsync(string text, CancellationToken cancellationToken);
}
