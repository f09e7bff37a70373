using System.Collections.Concurrent;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OpenTelemetry.Proto.Collector.Logs.V1;
using OpenTelemetry.Proto.Collector.Metrics.V1;
using OpenTelemetry.Proto.Collector.Trace.V1;
using OpenTelemetry.Proto.Logs.V1;
using OpenTelemetry.Proto.Metrics.V1;
using OpenTelemetry.Proto.Trace.V1;

namespace ChatKitApp.Tests.Fixtures;

/// <summary>
/// An OTLP/HTTP receiver (protobuf) on loopback Kestrel, inside the test process: what an
/// OpenTelemetry collector or the Aspire dashboard would be. It decodes every export of
/// <c>/v1/traces</c>, <c>/v1/metrics</c> and <c>/v1/logs</c> with the OpenTelemetry proto
/// definitions (Fixtures/Otlp) and keeps the spans, metrics and log records.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Span> _spans = new();
    private readonly ConcurrentQueue<Metric> _metrics = new();
    private readonly ConcurrentQueue<LogRecord> _logs = new();
    private readonly SemaphoreSlim _received = new(0);

    private OtlpReceiver(WebApplication app)
    {
        _app = app;
        _app.MapPost("/v1/traces", http => ReceiveAsync(http, ExportTraceServiceRequest.Parser, r => Keep(_spans, r.ResourceSpans.SelectMany(s => s.ScopeSpans).SelectMany(s => s.Spans)), new ExportTraceServiceResponse()));
        _app.MapPost("/v1/metrics", http => ReceiveAsync(http, ExportMetricsServiceRequest.Parser, r => Keep(_metrics, r.ResourceMetrics.SelectMany(m => m.ScopeMetrics).SelectMany(m => m.Metrics)), new ExportMetricsServiceResponse()));
        _app.MapPost("/v1/logs", http => ReceiveAsync(http, ExportLogsServiceRequest.Parser, r => Keep(_logs, r.ResourceLogs.SelectMany(l => l.ScopeLogs).SelectMany(l => l.LogRecords)), new ExportLogsServiceResponse()));
    }

    /// <summary>The value for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (the exporter appends <c>/v1/…</c>).</summary>
    public string Endpoint { get; private set; } = "";

    public IReadOnlyList<Span> Spans => [.. _spans];

    public IReadOnlyList<Metric> Metrics => [.. _metrics];

    public IReadOnlyList<LogRecord> Logs => [.. _logs];

    public static async Task<OtlpReceiver> StartAsync()
    {
        var receiver = new OtlpReceiver(LoopbackServer.Create());
        receiver.Endpoint = await LoopbackServer.StartAsync(receiver._app);
        return receiver;
    }

    /// <summary>
    /// Waits until <paramref name="condition"/> holds over what was received, re-checking after each
    /// export; false when <paramref name="timeout"/> passes first.
    /// </summary>
    public async Task<bool> WaitUntilAsync(Func<OtlpReceiver, bool> condition, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!condition(this))
        {
            try
            {
                await _received.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                return condition(this);
            }
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await LoopbackServer.StopAsync(_app);
        _received.Dispose();
    }

    private void Keep<T>(ConcurrentQueue<T> into, IEnumerable<T> received)
    {
        foreach (var item in received)
        {
            into.Enqueue(item);
        }

        _received.Release();
    }

    private static async Task ReceiveAsync<TRequest>(HttpContext http, MessageParser<TRequest> parser, Action<TRequest> keep, IMessage response)
        where TRequest : IMessage<TRequest>
    {
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body, http.RequestAborted);
        keep(parser.ParseFrom(body.ToArray()));
        http.Response.ContentType = "application/x-protobuf";
        await http.Response.Body.WriteAsync(response.ToByteArray(), http.RequestAborted);
    }
}
