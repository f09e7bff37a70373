namespace ChatKitApp.Agents.Guardrails;

public enum GuardrailStage
{
    /// <summary>The user's message: nothing was sent to the model.</summary>
    Input,

    /// <summary>The model's reply: what it streamed so far is withdrawn.</summary>
    Output,
}
