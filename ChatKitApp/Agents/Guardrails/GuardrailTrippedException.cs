namespace ChatKitApp.Agents.Guardrails;

/// <summary>Thrown out of an agent run by <see cref="GuardrailMiddleware"/>; the message is the reason the user sees.</summary>
public sealed class GuardrailTrippedException : Exception
{
    public GuardrailTrippedException()
        : this("A guardrail stopped this reply.", GuardrailStage.Output)
    {
    }

    public GuardrailTrippedException(string message)
        : this(message, GuardrailStage.Output)
    {
    }

    public GuardrailTrippedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public GuardrailTrippedException(string message, GuardrailStage stage)
        : base(message)
    {
        Stage = stage;
    }

    public GuardrailStage Stage { get; }
}
