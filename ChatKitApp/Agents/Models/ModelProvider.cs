namespace ChatKitApp.Agents.Models;

/// <summary>Who answers the chat.</summary>
public enum ModelProvider
{
    /// <summary>The built-in deterministic model; needs no key and no network.</summary>
    Demo,

    /// <summary>OpenAI, Azure OpenAI or any OpenAI-compatible server (Ollama, vLLM, LM Studio).</summary>
    OpenAI,

    /// <summary>Answers with the user's own words, at once: for protocol checks and load tests.</summary>
    Echo,
}
