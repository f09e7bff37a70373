using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using ChatKitApp.ChatKit.Protocol;

namespace ChatKitApp.ChatKit.Server;

/// <summary>
/// Writes events as the reference does: <c>data: </c>, the compact JSON on one line, a blank line;
/// no event names, ids or keep-alives. Each event is flushed at once.
/// </summary>
public sealed class SseWriter(PipeWriter output) : IDisposable
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = MinimalJsonEscaping.Instance, SkipValidation = true };

    private readonly Utf8JsonWriter _json = new(output, WriterOptions);

    /// <summary>Writes and flushes one event; false when the client has gone away.</summary>
    public async ValueTask<bool> WriteAsync(ThreadStreamEvent e, CancellationToken cancellationToken)
    {
        output.Write("data: "u8);
        _json.Reset(output);
        JsonSerializer.Serialize(_json, e, ChatKitJson.WireType<ThreadStreamEvent>());
        _json.Flush();
        output.Write("\n\n"u8);
        var result = await output.FlushAsync(cancellationToken);
        return !result.IsCompleted && !result.IsCanceled;
    }

    public void Dispose() => _json.Dispose();
}
