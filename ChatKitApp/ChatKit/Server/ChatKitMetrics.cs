using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ChatKitApp.ChatKit.Server;

/// <summary>
/// The engine's instruments, on the meter <see cref="ChatKitTelemetry.SourceName"/> (created through
/// <see cref="IMeterFactory"/>, so each host, and each test's app, has its own): turns, time to first
/// token, stream duration, open streams, errors by code and rate-limit rejections. Nothing is
/// measured unless someone listens (OpenTelemetry, <c>dotnet-counters</c>).
/// </summary>
public sealed class ChatKitMetrics
{
    private readonly Counter<long> _turns;
    private readonly Histogram<double> _timeToFirstToken;
    private readonly Histogram<double> _streamDuration;
    private readonly UpDownCounter<long> _openStreams;
    private readonly Counter<long> _errors;
    private readonly Counter<long> _rejections;

    public ChatKitMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(ChatKitTelemetry.SourceName);
        _turns = meter.CreateCounter<long>("chatkit.turns", "{turn}", "Streaming requests (turns) answered, by request type and outcome.");
        _timeToFirstToken = meter.CreateHistogram<double>(
            "chatkit.turn.time_to_first_token", "s", "From the request's arrival to the first text the assistant streams.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5, 8, 13, 20, 30] });
        _streamDuration = meter.CreateHistogram<double>(
            "chatkit.stream.duration", "s", "How long a response stream stayed open.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300] });
        _openStreams = meter.CreateUpDownCounter<long>("chatkit.streams.open", "{stream}", "Response streams open now.");
        _errors = meter.CreateCounter<long>("chatkit.errors", "{error}", "Error answers and error events, by code.");
        _rejections = meter.CreateCounter<long>("chatkit.rate_limit.rejections", "{request}", "Requests refused by a rate limit or a cap (429), by code.");
    }

    /// <summary>
    /// Counts an error answer (<c>{"error":{"code"}}</c> with <paramref name="statusCode"/>) or an
    /// in-stream error event (status 200: the headers were out). Hosts count their own error answers
    /// here too, so one instrument sees them all; a 429 is also a rate-limit rejection.
    /// </summary>
    public void Error(string code, int statusCode)
    {
        var tags = new TagList { { ChatKitTelemetry.ErrorCodeTag, code }, { "http.response.status_code", statusCode } };
        _errors.Add(1, tags);
        if (statusCode == 429)
        {
            _rejections.Add(1, new KeyValuePair<string, object?>(ChatKitTelemetry.ErrorCodeTag, code));
        }
    }

    internal void Turn(string requestType, string outcome) =>
        _turns.Add(1, new TagList { { ChatKitTelemetry.RequestTypeTag, requestType }, { ChatKitTelemetry.OutcomeTag, outcome } });

    internal void FirstToken(string requestType, TimeSpan elapsed) =>
        _timeToFirstToken.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>(ChatKitTelemetry.RequestTypeTag, requestType));

    internal void StreamOpened(string requestType) =>
        _openStreams.Add(1, new KeyValuePair<string, object?>(ChatKitTelemetry.RequestTypeTag, requestType));

    internal void StreamClosed(string requestType, TimeSpan duration)
    {
        var tag = new KeyValuePair<string, object?>(ChatKitTelemetry.RequestTypeTag, requestType);
        _openStreams.Add(-1, tag);
        _streamDuration.Record(duration.TotalSeconds, tag);
    }
}
