using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatKitApp.Tests.Fixtures;

/// <summary>
/// An OpenAI-compatible server on loopback Kestrel, inside the test process, for the real OpenAI SDK
/// to talk to. It records every request, answers <c>/v1/chat/completions</c> from a queue of
/// <see cref="FakeReply"/>s (streamed as <c>chat.completion.chunk</c> SSE, or one JSON completion),
/// answers <c>/v1/audio/transcriptions</c> (multipart) with the queued reply's text as <c>{"text":…}</c>,
/// and notices when a client aborts. Requests matching a rule (e.g. title requests) bypass the queue.
/// </summary>
public sealed class FakeOpenAIServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeReply> _replies = new();
    private readonly ConcurrentQueue<FakeOpenAIRequest> _requests = new();
    private readonly List<(Func<FakeOpenAIRequest, bool> Match, FakeReply Reply)> _rules = [];

    private FakeOpenAIServer(WebApplication app)
    {
        _app = app;
        _app.MapPost("/v1/{**path}", HandleAsync);
    }

    /// <summary>The base URL to give the SDK, with its <c>/v1</c> segment.</summary>
    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<FakeOpenAIRequest> Requests => [.. _requests];

    /// <summary>The requests the rules did not answer (the turn's model calls, not its title).</summary>
    public IReadOnlyList<FakeOpenAIRequest> QueuedRequests
    {
        get
        {
            lock (_rules)
            {
                return [.. _requests.Where(r => !_rules.Exists(rule => rule.Match(r)))];
            }
        }
    }

    public static async Task<FakeOpenAIServer> StartAsync()
    {
        var server = new FakeOpenAIServer(LoopbackServer.Create());
        server.BaseUrl = await LoopbackServer.StartAsync(server._app) + "/v1";
        return server;
    }

    public void Enqueue(params FakeReply[] replies)
    {
        foreach (var reply in replies)
        {
            _replies.Enqueue(reply);
        }
    }

    /// <summary>Answers every request that matches with <paramref name="reply"/>, outside the queue.</summary>
    public void When(Func<FakeOpenAIRequest, bool> match, FakeReply reply)
    {
        lock (_rules)
        {
            _rules.Insert(0, (match, reply)); // the newest rule wins, so a test can override a fixture's
        }
    }

    public ValueTask DisposeAsync() => LoopbackServer.StopAsync(_app);

    private async Task HandleAsync(HttpContext http)
    {
        var request = http.Request.HasFormContentType
            ? await FormRequestAsync(http.Request)
            : new FakeOpenAIRequest(http.Request.Path, http.Request.Headers.Authorization, await JsonNode.ParseAsync(http.Request.Body) as JsonObject ?? []);
        _requests.Enqueue(request);
        var aborted = http.RequestAborted;
        using var registration = aborted.Register(request.MarkAborted);

        FakeReply? reply;
        lock (_rules)
        {
            reply = _rules.FirstOrDefault(rule => rule.Match(request)).Reply;
        }

        if (reply is null && !_replies.TryDequeue(out reply))
        {
            reply = FakeReply.Error(500); // a test that forgot to script a reply sees a clear failure
        }

        try
        {
            if (reply.Status != 0)
            {
                http.Response.StatusCode = reply.Status;
                if (reply.RetryAfter is not null)
                {
                    http.Response.Headers.RetryAfter = reply.RetryAfter;
                }

                await http.Response.WriteAsJsonAsync(FakeReply.ErrorBody(reply.Status), aborted);
            }
            else if (request.Path.EndsWith("/audio/transcriptions", StringComparison.Ordinal))
            {
                await TranscriptionAsync(http.Response, request, reply, aborted);
            }
            else if (request.IsStreaming && request.Path.EndsWith("/responses", StringComparison.Ordinal))
            {
                await FakeResponsesStream.WriteAsync(http.Response, reply, aborted);
            }
            else if (request.IsStreaming)
            {
                await StreamAsync(http, request, reply, aborted);
            }
            else
            {
                await Task.Delay(reply.ChunkDelay, aborted);
                await http.Response.WriteAsJsonAsync(Completion(reply), aborted);
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away; MarkAborted has recorded it.
        }
    }

    /// <summary>A multipart request (audio transcription): its fields become the body, its file is kept aside.</summary>
    private static async Task<FakeOpenAIRequest> FormRequestAsync(HttpRequest http)
    {
        var form = await http.ReadFormAsync();
        var body = new JsonObject();
        foreach (var (name, value) in form)
        {
            body[name] = value.ToString();
        }

        var request = new FakeOpenAIRequest(http.Path, http.Headers.Authorization, body) { IsMultipart = true };
        if (form.Files.GetFile("file") is { } file)
        {
            using var bytes = new MemoryStream();
            await file.CopyToAsync(bytes);
            request.File = (file.FileName, file.ContentType, bytes.ToArray());
        }

        return request;
    }

    /// <summary>
    /// <c>/v1/audio/transcriptions</c>: <c>{"text":…}</c> with the reply's text, as OpenAI answers the
    /// default (JSON) format; a request without its file or model is refused as OpenAI would.
    /// </summary>
    private static async Task TranscriptionAsync(HttpResponse response, FakeOpenAIRequest request, FakeReply reply, CancellationToken aborted)
    {
        var format = request.Body["response_format"]?.GetValue<string>() ?? "json";
        if (!request.IsMultipart || request.File is not { Bytes.Length: > 0 } || request.Body["model"] is null || format != "json")
        {
            response.StatusCode = StatusCodes.Status400BadRequest;
            await response.WriteAsJsonAsync(FakeReply.ErrorBody(400), aborted);
            return;
        }

        await Task.Delay(reply.ChunkDelay, aborted);
        await response.WriteAsJsonAsync(new JsonObject { ["text"] = string.Concat(reply.Deltas) }, aborted);
    }

    private static async Task StreamAsync(HttpContext http, FakeOpenAIRequest request, FakeReply reply, CancellationToken aborted)
    {
        http.Response.ContentType = "text/event-stream";
        var first = true;
        async Task SendAsync(JsonObject delta, string? finishReason)
        {
            if (reply.ChunkDelay > TimeSpan.Zero)
            {
                await Task.Delay(reply.ChunkDelay, aborted);
            }

            if (first)
            {
                delta["role"] = "assistant";
            }

            await WriteChunkAsync(http.Response, Chunk(reply.Id, delta, finishReason), aborted);
            if (first)
            {
                request.FirstChunkTimestamp = Stopwatch.GetTimestamp();
                first = false;
            }
        }

        foreach (var delta in reply.Deltas)
        {
            await SendAsync(new JsonObject { ["content"] = delta }, null);
        }

        if (reply.BreakAfterDeltas)
        {
            // Give the client time to read what was sent: a reset discards unread bytes on its side.
            await Task.Delay(TimeSpan.FromMilliseconds(200), aborted);
            http.Abort();
            return;
        }

        if (reply.HangAfterDeltas)
        {
            await Task.Delay(Timeout.Infinite, aborted);
        }

        if (reply.HoldUntil is { } hold)
        {
            await hold.WaitAsync(aborted);
        }

        for (var i = 0; i < reply.ToolCalls.Count; i++)
        {
            var (callId, name, arguments) = reply.ToolCalls[i];
            await SendAsync(ToolCallDelta(i, new JsonObject { ["name"] = name, ["arguments"] = "" }, callId), null);

            // Arguments arrive in pieces, as real providers send them.
            var half = arguments.Length / 2;
            await SendAsync(ToolCallDelta(i, new JsonObject { ["arguments"] = arguments[..half] }, null), null);
            await SendAsync(ToolCallDelta(i, new JsonObject { ["arguments"] = arguments[half..] }, null), null);
        }

        await SendAsync([], reply.ToolCalls.Count > 0 ? "tool_calls" : "stop");
        if (reply.Usage is var (input, output))
        {
            var usage = Chunk(reply.Id, [], null);
            usage["choices"] = new JsonArray();
            usage["usage"] = new JsonObject { ["prompt_tokens"] = input, ["completion_tokens"] = output, ["total_tokens"] = input + output };
            await WriteChunkAsync(http.Response, usage, aborted);
        }

        await http.Response.WriteAsync("data: [DONE]\n\n", aborted);
        await http.Response.Body.FlushAsync(aborted);
    }

    private static JsonObject ToolCallDelta(int index, JsonObject function, string? callId)
    {
        var call = new JsonObject { ["index"] = index, ["function"] = function };
        if (callId is not null)
        {
            call["id"] = callId;
            call["type"] = "function";
        }

        return new JsonObject { ["tool_calls"] = new JsonArray(call) };
    }

    private static JsonObject Chunk(string id, JsonObject delta, string? finishReason) => new()
    {
        ["id"] = id,
        ["object"] = "chat.completion.chunk",
        ["created"] = 1_700_000_000,
        ["model"] = "fake-model",
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finishReason }),
    };

    private static JsonObject Completion(FakeReply reply) => new()
    {
        ["id"] = reply.Id,
        ["object"] = "chat.completion",
        ["created"] = 1_700_000_000,
        ["model"] = "fake-model",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = string.Concat(reply.Deltas) },
            ["finish_reason"] = "stop",
        }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 1, ["completion_tokens"] = 1, ["total_tokens"] = 2 },
    };

    private static async Task WriteChunkAsync(HttpResponse response, JsonObject chunk, CancellationToken cancellationToken)
    {
        await response.WriteAsync("data: " + chunk.ToJsonString() + "\n\n", Encoding.UTF8, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
