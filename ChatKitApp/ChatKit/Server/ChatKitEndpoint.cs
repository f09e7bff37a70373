using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatKitApp.ChatKit.Server;

/// <summary>
/// <c>POST {pattern}</c>: one endpoint for the whole protocol. Streaming requests answer
/// <c>text/event-stream</c>, the rest <c>application/json</c>; failures found before a response
/// starts answer <c>{"error":{"code","message"}}</c> with a 4xx (or 5xx) status.
/// </summary>
public static partial class ChatKitEndpoint
{
    public static RouteHandlerBuilder MapChatKit<TContext>(this IEndpointRouteBuilder endpoints, string pattern = "/chatkit") =>
        endpoints.MapPost(pattern, HandleAsync<TContext>)
            .DisableAntiforgery() // JSON API, guarded by its own checks rather than form tokens
            .WithName("ChatKit");

    private static async Task HandleAsync<TContext>(
        HttpContext http,
        ChatKitServer<TContext> server,
        IChatKitContextFactory<TContext> contexts,
        IOptions<ChatKitLimits> limits,
        IEnumerable<IChatKitRequestCheck> checks,
        IChatKitStreamAdmission<TContext> streams,
        IChatKitTransientFailures transientFailures,
        SseKeepAlive keepAlive,
        ChatKitMetrics metrics,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        var streamSlot = new StrongBox<IAsyncDisposable?>();
        var host = new HostHooks<TContext>(checks, streams, transientFailures);
        using var telemetry = ChatKitRequestTelemetry.Start(metrics, time);
        try
        {
            await ProcessRequestAsync(http, server, contexts, limits.Value, host, streamSlot, keepAlive, telemetry, loggers.CreateLogger(typeof(ChatKitEndpoint)));
        }
        finally
        {
            if (streamSlot.Value is { } slot)
            {
                await slot.DisposeAsync(); // only now, after the stream's last event
            }
        }
    }

    private static async Task ProcessRequestAsync<TContext>(
        HttpContext http,
        ChatKitServer<TContext> server,
        IChatKitContextFactory<TContext> contexts,
        ChatKitLimits limits,
        HostHooks<TContext> host,
        StrongBox<IAsyncDisposable?> streamSlot,
        SseKeepAlive keepAlive,
        ChatKitRequestTelemetry telemetry,
        ILogger logger)
    {
        var cancellationToken = http.RequestAborted;
        ChatKitResult result;
        try
        {
            var body = await ReadBodyAsync(http.Request, limits.MaxRequestBytes, cancellationToken);
            foreach (var check in host.Checks)
            {
                check.Check(body);
            }

            var request = ChatKitRequestParser.Parse(body);
            telemetry.Parsed(request);
            var context = contexts.Create(http, request);
            if (request.IsStreaming)
            {
                streamSlot.Value = await host.Streams.AdmitAsync(http, context, cancellationToken);
            }

            result = await server.ProcessAsync(request, context, cancellationToken);
        }
        catch (ChatKitRequestException ex)
        {
            if (ex.RetryAfter is { } retryAfter)
            {
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            telemetry.Answered(ex.StatusCode, ex.Code);
            await WriteErrorAsync(http.Response, ex.StatusCode, ex.Code, ex.Message, cancellationToken);
            return;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            telemetry.Cancelled();
            return; // the client went away before we answered
        }
        catch (Exception ex) when (UnreadableBody.Describe(ex) is { } error)
        {
            // The server could not read the body (a client that stopped sending, a framing error).
            if (!cancellationToken.IsCancellationRequested)
            {
                telemetry.Answered(error.StatusCode, error.Code);
                await WriteErrorAsync(http.Response, error.StatusCode, error.Code, error.Message, cancellationToken);
            }

            return;
        }
        catch (Exception ex) when (host.TransientFailures.IsTransient(ex))
        {
            telemetry.AnsweredByHost(ex);
            await host.TransientFailures.RespondAsync(http, ex); // the host's answer: a 503 with Retry-After, say
            return;
        }
        catch (Exception ex)
        {
            // Logged inside the request's span, so the log record carries the trace id the answer gives.
            LogRequestFailed(logger, ex);
            telemetry.Answered(StatusCodes.Status500InternalServerError, "internal_error", ex);
            await WriteErrorAsync(http.Response, StatusCodes.Status500InternalServerError, "internal_error", "The request failed.", cancellationToken);
            return;
        }

        switch (result)
        {
            case JsonChatKitResult json:
                http.Response.ContentType = "application/json";
                http.Response.ContentLength = json.Json.Length;
                await http.Response.Body.WriteAsync(json.Json, cancellationToken);
                break;
            case StreamingChatKitResult stream:
                telemetry.StreamStarted();
                await using (stream)
                {
                    await WriteStreamAsync(http, stream, keepAlive, host.TransientFailures, telemetry, logger, cancellationToken);
                }

                break;
        }
    }

    private static async Task WriteStreamAsync(
        HttpContext http,
        StreamingChatKitResult stream,
        SseKeepAlive keepAlive,
        IChatKitTransientFailures transientFailures,
        ChatKitRequestTelemetry telemetry,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no"; // proxies must not hold events back
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        using var writer = new SseWriter(http.Response.BodyWriter);
        try
        {
            // Events that are ready one after another (most of a turn on a fast store) go out in one
            // write; before waiting for the next event, everything written so far is sent, and a
            // long wait is kept alive with comments.
            await using var events = stream.GetAsyncEnumerator(cancellationToken);
            while (true)
            {
                var next = await NextOrGoneAsync(events.MoveNextAsync(), writer, keepAlive, cancellationToken);
                if (next is null)
                {
                    telemetry.Cancelled();
                    return; // the client has gone away
                }

                if (!next.Value)
                {
                    break;
                }

                writer.Write(events.Current);
                telemetry.Sent(events.Current);
            }

            if (!await writer.FlushAsync(cancellationToken))
            {
                return;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client stopped the response; the pipeline has stored what it had.
            telemetry.Cancelled();
        }
        catch (Exception ex) when (transientFailures.IsTransient(ex))
        {
            // Headers are out: in-band, and worth a retry once the failure has passed.
            transientFailures.Record(ex);
            await WriteErrorEventAsync(writer, telemetry, allowRetry: true);
        }
        catch (Exception ex)
        {
            // Headers are out, so the failure can only be reported in-band.
            LogStreamFailed(logger, ex);
            await WriteErrorEventAsync(writer, telemetry, allowRetry: false);
        }
    }

    private static async Task WriteErrorEventAsync(SseWriter writer, ChatKitRequestTelemetry telemetry, bool allowRetry)
    {
        var error = new ErrorEvent { Code = ErrorCodes.StreamError, AllowRetry = allowRetry };
        telemetry.Sent(error);
        await writer.WriteAsync(error, CancellationToken.None);
    }

    /// <summary>
    /// The stream's next step (false at its end). When it is not ready, what is buffered is sent
    /// first and the wait is kept alive; null when the client has gone away meanwhile.
    /// </summary>
    private static async ValueTask<bool?> NextOrGoneAsync(ValueTask<bool> next, SseWriter writer, SseKeepAlive keepAlive, CancellationToken cancellationToken)
    {
        if (next.IsCompleted)
        {
            return await next;
        }

        var pending = next.AsTask();
        if (!await writer.FlushOrGoneAsync(cancellationToken) || !await keepAlive.WaitAsync(pending, writer, cancellationToken))
        {
            // Let the pending step end (the request's token cancels it) before the stream is
            // disposed, which runs the cancellation handling.
            await EndQuietlyAsync(pending);
            return null;
        }

        return await pending;
    }

    private static async Task EndQuietlyAsync(Task step)
    {
        try
        {
            await step;
        }
        catch (Exception)
        {
            // The client is gone; whatever the stream ended with has no one to go to.
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        var reader = request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken);
            if (read.Buffer.Length > maxBytes)
            {
                reader.AdvanceTo(read.Buffer.Start);
                throw TooLarge(maxBytes);
            }

            if (read.IsCompleted)
            {
                var body = read.Buffer.ToArray();
                reader.AdvanceTo(read.Buffer.End);
                return body;
            }

            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }

    private static ChatKitRequestException TooLarge(long maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, "request_too_large", $"The request body is larger than {maxBytes} bytes.");

    /// <summary>
    /// Writes <c>{"error":{"code","message"}}</c> with <paramref name="statusCode"/>, unless the response
    /// has started; a 5xx also carries <c>trace_id</c>, the id of the trace its log lines carry.
    /// </summary>
    internal static async Task WriteErrorAsync(HttpResponse response, int statusCode, string code, string message, CancellationToken cancellationToken)
    {
        if (response.HasStarted)
        {
            return;
        }

        response.StatusCode = statusCode;
        response.ContentType = "application/json";
        using (var json = new Utf8JsonWriter(response.BodyWriter, new JsonWriterOptions { Encoder = MinimalJsonEscaping.Instance }))
        {
            json.WriteStartObject();
            json.WriteStartObject("error");
            json.WriteString("code", code);
            json.WriteString("message", message);
            if (statusCode >= StatusCodes.Status500InternalServerError && Activity.Current is { } activity)
            {
                json.WriteString("trace_id", activity.TraceId.ToHexString());
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        await response.BodyWriter.FlushAsync(cancellationToken);
    }

    /// <summary>What the host registered to check requests, admit streams and recognise passing failures.</summary>
    private sealed record HostHooks<TContext>(
        IEnumerable<IChatKitRequestCheck> Checks, IChatKitStreamAdmission<TContext> Streams, IChatKitTransientFailures TransientFailures);

    [LoggerMessage(Level = LogLevel.Error, Message = "A ChatKit request failed before its response started.")]
    private static partial void LogRequestFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A ChatKit stream failed after it started.")]
    private static partial void LogStreamFailed(ILogger logger, Exception exception);
}
