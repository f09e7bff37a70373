using System.Text.Json.Nodes;

namespace ChatKitApp.Tests.Fixtures;

/// <summary>What the fake OpenAI server answers one request with.</summary>
public sealed record FakeReply
{
    /// <summary>The provider's completion id on every chunk; real providers behind adapters repeat it.</summary>
    public const string RepeatedId = "__fake_id__";

    public IReadOnlyList<string> Deltas { get; init; } = [];

    /// <summary>Reasoning summary deltas streamed before the text (Responses API only).</summary>
    public IReadOnlyList<string> Reasoning { get; init; } = [];

    public IReadOnlyList<(string CallId, string Name, string Arguments)> ToolCalls { get; init; } = [];

    /// <summary>Non-zero: answer this HTTP status with an OpenAI-style error body instead.</summary>
    public int Status { get; init; }

    /// <summary>With <see cref="Status"/>: the <c>Retry-After</c> header to send (seconds), as rate-limited providers do.</summary>
    public string? RetryAfter { get; init; }

    /// <summary>Pause before each streamed chunk.</summary>
    public TimeSpan ChunkDelay { get; init; }

    /// <summary>After the deltas, keep the response open without sending anything (until the client gives up).</summary>
    public bool HangAfterDeltas { get; init; }

    /// <summary>After the deltas, keep the response open until this task completes, then finish it as usual.</summary>
    public Task? HoldUntil { get; init; }

    /// <summary>After the deltas, drop the connection without finishing the stream.</summary>
    public bool BreakAfterDeltas { get; init; }

    public string Id { get; init; } = RepeatedId;

    /// <summary>Streaming: end with a usage chunk reporting these token counts, as OpenAI does with <c>include_usage</c>.</summary>
    public (int Input, int Output)? Usage { get; init; }

    public static FakeReply Text(params string[] deltas) => new() { Deltas = deltas };

    public static FakeReply ToolCall(string callId, string name, string arguments) => new() { ToolCalls = [(callId, name, arguments)] };

    public static FakeReply Error(int status) => new() { Status = status };

    public static JsonObject ErrorBody(int status) => new()
    {
        ["error"] = new JsonObject { ["message"] = $"fake failure {status}", ["type"] = "fake_error", ["code"] = status.ToString() },
    };
}
