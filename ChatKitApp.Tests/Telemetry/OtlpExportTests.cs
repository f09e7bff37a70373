using ChatKitApp.ChatKit.Server;
using ChatKitApp.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using OpenTelemetry.Proto.Common.V1;
using OpenTelemetry.Proto.Trace.V1;
using Span = OpenTelemetry.Proto.Trace.V1.Span;

namespace ChatKitApp.Tests.Telemetry;

/// <summary>
/// The app exporting to an OTLP receiver in the test, as it would to a collector: one chat turn on
/// PostgreSQL with the fake OpenAI-compatible server must arrive as one trace (the HTTP request, the
/// ChatKit request, the database calls, the model call), with metrics and logs beside it.
/// </summary>
[Collection(ProcessWideTelemetryCollection.Name)]
public sealed class OtlpExportTests(PostgresFixture database) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task A_chat_turn_with_the_otlp_endpoint_set_exports_one_trace_from_request_to_database_and_model_with_metrics_and_logs()
    {
        await using var otlp = await OtlpReceiver.StartAsync();
        await using var model = await FakeOpenAIServer.StartAsync();
        model.Enqueue(FakeReply.Text("Hello ", "from the model."));

        var settings = Settings(otlp, model);
        settings["ConnectionStrings:ChatKit"] = database.ConnectionString;
        await using var app = new ChatKitAppFactory(settings);
        using var user = await UserClient.CreateGuestAsync(app);
        var threadId = await user.Http.CreateThreadAsync("Hello telemetry");

        // The request's spans end as its response completes; the exporters send every 100-200 ms, and
        // a flush sends what they hold now. Wait for the collector side to have it all.
        app.Services.GetRequiredService<TracerProvider>().ForceFlush(5000);
        app.Services.GetRequiredService<MeterProvider>().ForceFlush(5000);
        var arrived = await otlp.WaitUntilAsync(
            o => TurnSpan(o, threadId) is { } turn
                && o.Spans.Any(s => s.TraceId == turn.TraceId && s.SpanId == turn.ParentSpanId)
                && o.Metrics.Any(m => m.Name == "chatkit.turns") && o.Logs.Any(l => l.TraceId == turn.TraceId),
            TimeSpan.FromSeconds(30));
        Assert.True(arrived, "Received spans: " + string.Join(", ", otlp.Spans.Select(s => s.Name)));

        var turn = TurnSpan(otlp, threadId)!;
        var trace = otlp.Spans.Where(s => s.TraceId == turn.TraceId).ToList();
        var request = Assert.Single(trace, s => s.Kind == Span.Types.SpanKind.Server && Attribute(s, "http.route") == "/chatkit");
        Assert.Equal(request.SpanId, turn.ParentSpanId);
        Assert.Equal("threads.create", Attribute(turn, ChatKitTelemetry.RequestTypeTag));
        Assert.Equal("ok", Attribute(turn, ChatKitTelemetry.OutcomeTag));
        Assert.True(IntAttribute(turn, ChatKitTelemetry.ItemsDoneTag) >= 2, "the user's message and the reply are done items");

        Assert.Contains(trace, s => (Attribute(s, "db.system") ?? Attribute(s, "db.system.name")) == "postgresql");
        var modelCall = Assert.Single(trace, s => Attribute(s, "gen_ai.operation.name") == "chat");
        Assert.Equal("gpt-4o-mini", Attribute(modelCall, "gen_ai.request.model"));
        Assert.DoesNotContain(modelCall.Attributes, a => a.Value.ToString().Contains("Hello telemetry", StringComparison.Ordinal)); // no content by default

        var metrics = otlp.Metrics.Select(m => m.Name).ToHashSet();
        Assert.Superset(
            new HashSet<string> { "http.server.request.duration", "chatkit.turns", "chatkit.stream.duration", "chatkit.turn.time_to_first_token", "gen_ai.client.operation.duration" },
            metrics);
        Assert.Contains(otlp.Logs, log => log.TraceId == turn.TraceId && log.SpanId.Length == 8);
    }

    private static Dictionary<string, string?> Settings(OtlpReceiver otlp, FakeOpenAIServer model) => new()
    {
        ["ChatKit:Model:Provider"] = "OpenAI",
        ["ChatKit:Model:Endpoint"] = model.BaseUrl,
        ["ChatKit:Model:MaxRetries"] = "0",
        ["ChatKit:Model:GenerateTitles"] = "false",

        // OpenTelemetry's own settings, read by its SDK from configuration as from the environment
        // (never set in the process environment: other tests run beside this one).
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlp.Endpoint,
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
        ["OTEL_BLRP_SCHEDULE_DELAY"] = "100",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
        ["OTEL_BSP_MAX_QUEUE_SIZE"] = "65536", // room for the spans of whatever else the process does meanwhile

        // "Request starting…" lines, logged inside the request's trace.
        ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
    };

    /// <summary>The ChatKit request span of the turn that created <paramref name="threadId"/>, once it arrived.</summary>
    private static Span? TurnSpan(OtlpReceiver otlp, string threadId) =>
        otlp.Spans.FirstOrDefault(s => s.Name == "threads.create" && Attribute(s, ChatKitTelemetry.ThreadIdTag) == threadId);

    private static string? Attribute(Span span, string key) =>
        span.Attributes.FirstOrDefault(a => a.Key == key)?.Value is { } value ? Text(value) : null;

    private static long IntAttribute(Span span, string key) =>
        span.Attributes.FirstOrDefault(a => a.Key == key)?.Value.IntValue ?? -1;

    private static string Text(AnyValue value) => value.ValueCase == AnyValue.ValueOneofCase.StringValue ? value.StringValue : value.ToString();
}
