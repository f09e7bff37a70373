using System.Text.Json.Nodes;

namespace ChatKitApp.Tests.Fixtures;

/// <summary>One request the fake OpenAI server received, as the SDK sent it.</summary>
public sealed class FakeOpenAIRequest(string path, string? authorization, JsonObject body)
{
    private readonly TaskCompletionSource _aborted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Path { get; } = path;

    public string? Authorization { get; } = authorization;

    public JsonObject Body { get; } = body;

    /// <summary>Sent as <c>multipart/form-data</c> (an audio upload); <see cref="Body"/> then holds its text fields.</summary>
    public bool IsMultipart { get; init; }

    /// <summary>The multipart request's <c>file</c> part, if it had one.</summary>
    public (string Name, string ContentType, byte[] Bytes)? File { get; set; }

    public bool IsStreaming => Body["stream"]?.GetValue<bool>() == true;

    public JsonArray Messages => Body["messages"] as JsonArray ?? [];

    public IEnumerable<string> ToolNames =>
        (Body["tools"] as JsonArray ?? []).Select(t => t?["function"]?["name"]?.GetValue<string>() ?? "");

    public string SystemPrompt => Messages.FirstOrDefault(m => m?["role"]?.GetValue<string>() == "system")?["content"] is { } content ? TextOf(content) : "";

    /// <summary>The app asking for a thread's title (not a turn).</summary>
    public bool IsTitleRequest => SystemPrompt.StartsWith(ChatKitApp.Agents.Turn.ThreadTitleGenerator.Instructions, StringComparison.Ordinal);

    /// <summary>The newest user message's text, which tests script replies by.</summary>
    public string LastUserText => TextOf(Messages.LastOrDefault(m => (string?)m?["role"] == "user")?["content"]);

    /// <summary>Every system (or developer) message's text, joined: the app's prompt and an agent's instructions.</summary>
    public string AllInstructions => string.Join("\n", Messages
        .Where(m => m?["role"]?.GetValue<string>() is "system" or "developer")
        .Select(m => TextOf(m!["content"])));

    /// <summary>Completes when the client went away before the reply was complete.</summary>
    public Task Aborted => _aborted.Task;

    /// <summary>When the fake flushed the first streamed chunk (Stopwatch ticks), for latency measurements.</summary>
    public long FirstChunkTimestamp { get; set; }

    internal void MarkAborted() => _aborted.TrySetResult();

    /// <summary>A message's text, whether the SDK sent it as a string or as content parts.</summary>
    public static string TextOf(JsonNode? content) => content switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => p?["text"]?.GetValue<string>() ?? "")),
        _ => "",
    };
}
