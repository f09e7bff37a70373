namespace ChatKitApp.Agents.Models;

/// <summary>The model settings (<c>ChatKit:Model</c>). With no provider and no key, the demo model answers.</summary>
public sealed class ChatModelOptions
{
    public const string SectionName = "ChatKit:Model";

    /// <summary><c>OpenAI</c>, <c>Demo</c> or <c>Echo</c>. Unset: OpenAI when an <see cref="ApiKey"/> is given, else Demo.</summary>
    public ModelProvider? Provider { get; set; }

    /// <summary>
    /// Base URL of an OpenAI-compatible API, including its version segment (e.g.
    /// <c>http://localhost:11434/v1</c> for Ollama). Unset: OpenAI's own endpoint.
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary>The API key; optional for local servers that need none. Keep it out of the repository.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The model (or Azure deployment) name.</summary>
    public string Model { get; set; } = "gpt-4o-mini";

    public ModelApi Api { get; set; } = ModelApi.ChatCompletions;

    /// <summary>Replaces the app's built-in instructions at the top of the system prompt.</summary>
    public string? Instructions { get; set; }

    /// <summary>How many of the thread's newest items the model sees each turn.</summary>
    public int HistoryItems { get; set; } = 40;

    /// <summary>Upper bound on model calls in one turn (each server tool round is one more).</summary>
    public int MaxToolRounds { get; set; } = 8;

    /// <summary>Retries of a failed provider call (429, 5xx, network) before the user sees an error.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>
    /// Longest total wait before the retries of one provider call. A provider that asks for longer
    /// (a 429 with a long <c>Retry-After</c>) fails the turn at once with a Retry button.
    /// </summary>
    public int MaxRetryWaitSeconds { get; set; } = 10;

    /// <summary>How long the provider may stay silent (per read while streaming) before the call fails.</summary>
    public int NetworkTimeoutSeconds { get; set; } = 100;

    /// <summary>Name new threads after their first message (with the model, or its first words in demo).</summary>
    public bool GenerateTitles { get; set; } = true;

    /// <summary>How long the end of the first reply may wait for its title before falling back to first words.</summary>
    public int TitleTimeoutSeconds { get; set; } = 10;

    /// <summary>The demo model's pause between words, so streaming is visible.</summary>
    public int DemoWordDelayMilliseconds { get; set; } = 25;

    /// <summary>
    /// Other models the composer's model picker offers (<c>inference_options.model</c>); the first
    /// entry of the picker is <see cref="Model"/>. Anything else the client asks for is refused.
    /// </summary>
    public List<ModelChoice> Choices { get; set; } = [];

    /// <summary>
    /// The provider's speech-to-text model for dictation (<c>input.transcribe</c>, e.g.
    /// <c>gpt-4o-mini-transcribe</c> or <c>whisper-1</c>), at the same endpoint and key. Unset: no
    /// dictation; the composer shows no microphone.
    /// </summary>
    public string? TranscriptionModel { get; set; }

    /// <summary>Whether dictation is offered: a transcription model on the OpenAI provider.</summary>
    public bool DictationEnabled => EffectiveProvider == ModelProvider.OpenAI && !string.IsNullOrWhiteSpace(TranscriptionModel);

    /// <summary>The models a message may ask for: the default and the choices.</summary>
    public IReadOnlyList<string> AllowedModels => [Model, .. Choices.Select(c => c.Id).Where(id => id != Model)];

    /// <summary>The provider after defaulting (see <see cref="Provider"/>).</summary>
    public ModelProvider EffectiveProvider =>
        Provider ?? (string.IsNullOrWhiteSpace(ApiKey) ? ModelProvider.Demo : ModelProvider.OpenAI);
}
