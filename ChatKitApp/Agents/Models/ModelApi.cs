namespace ChatKitApp.Agents.Models;

/// <summary>Which OpenAI API the model is called through.</summary>
public enum ModelApi
{
    /// <summary><c>/chat/completions</c>: what every OpenAI-compatible server implements.</summary>
    ChatCompletions,

    /// <summary><c>/responses</c>: OpenAI's newer API (gives citations for hosted tools).</summary>
    Responses,
}
