using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using ChatKitApp.ChatKit.Protocol;

namespace ChatKitApp.ChatKit.Server;

/// <summary>
/// Writes events as the reference does: <c>data: </c>, the compact JSON on one line, a blank line;
/// no event names or ids. <see cref="Write"/> buffers an event, <see cref="FlushAsync"/>
/// sends what is buffered; the endpoint flushes whenever the stream has nothing more ready, so an
/// event never waits in the buffer while the server waits for the next one. During a long wait
/// <see cref="SseKeepAlive"/> adds <see cref="WriteKeepAlive"/> comments, which clients ignore.
/// </summary>
public sealed class SseWriter(PipeWriter output) : IDisposable
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = MinimalJsonEscaping.Instance, SkipValidation = true };

    private readonly Utf8JsonWriter _json = new(output, WriterOptions);

    /// <summary>Buffers one event.</summary>
    public void Write(ThreadStreamEvent e)
    {
        output.Write("data: "u8);
        _json.Reset(output);
        JsonSerializer.Serialize(_json, e, ChatKitJson.WireType<ThreadStreamEvent>());
        _json.Flush();
        output.Write("\n\n"u8);
    }

    /// <summary>
    /// Buffers an SSE comment (<c>: keep-alive</c>): bytes on an idle connection, so proxies with
    /// idle timeouts keep it open, and no event (the SSE spec has clients ignore comment lines).
    /// </summary>
    public void WriteKeepAlive() => output.Write(": keep-alive\n\n"u8);

    /// <summary>Sends the buffered events; false when the client has gone away.</summary>
    public async ValueTask<bool> FlushAsync(CancellationToken cancellationToken)
    {
        var result = await output.FlushAsync(cancellationToken);
        return !result.IsCompleted && !result.IsCanceled;
    }

    /// <summary>Sends what is buffered; false (never an exception) when the client has gone away.</summary>
    public async ValueTask<bool> FlushOrGoneAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await FlushAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Writes and sends one event; false when the client has gone away.</summary>
    public ValueTask<bool> WriteAsync(ThreadStreamEvent e, CancellationToken cancellationToken)
    {
        Write(e);
        return FlushAsync(cancellationToken);
    }

    public void Dispose() => _json.Dispose();
}
