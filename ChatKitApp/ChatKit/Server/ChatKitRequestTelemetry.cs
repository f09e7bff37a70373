using System.Diagnostics;
using ChatKitApp.ChatKit.Protocol;
using Microsoft.AspNetCore.Http;

namespace ChatKitApp.ChatKit.Server;

/// <summary>
/// One request's span and measurements, fed by the endpoint as the request goes: what it was, what
/// its stream sent, how it ended. The span is current while the request runs, so the store's
/// database calls and the model call made for it become its children. Dispose when the response is done.
/// </summary>
internal sealed class ChatKitRequestTelemetry : IDisposable
{
    private const string DefaultName = "chatkit";

    private readonly ChatKitMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly Activity? _activity;
    private string _type = DefaultName;
    private long? _streamStarted;
    private bool _firstToken;
    private int _events;
    private int _itemsDone;
    private string? _outcome;

    private ChatKitRequestTelemetry(ChatKitMetrics metrics, TimeProvider time)
    {
        _metrics = metrics;
        _time = time;
        _started = time.GetTimestamp();
        _activity = ChatKitTelemetry.Source.StartActivity(DefaultName); // renamed once the request's type is known
    }

    public static ChatKitRequestTelemetry Start(ChatKitMetrics metrics, TimeProvider time) => new(metrics, time);

    /// <summary>The request is parsed: the span takes its type's name.</summary>
    public void Parsed(ChatKitRequest request)
    {
        _type = ChatKitTelemetry.TypeOf(request);
        if (_activity is null)
        {
            return;
        }

        _activity.DisplayName = _type;
        _activity.SetTag(ChatKitTelemetry.RequestTypeTag, _type);
        _activity.SetTag(ChatKitTelemetry.ThreadIdTag, ChatKitTelemetry.ThreadIdOf(request));
    }

    /// <summary>The request is answered with an error before any response started.</summary>
    public void Answered(int statusCode, string code, Exception? exception = null)
    {
        _metrics.Error(code, statusCode);
        End(statusCode >= 500 ? "failed" : "rejected", code, exception);
    }

    /// <summary>The host answered a passing failure (and counted its own answer).</summary>
    public void AnsweredByHost(Exception exception) => End("failed", exception.GetType().Name, exception);

    public void Cancelled() => _outcome ??= "cancelled";

    public void StreamStarted()
    {
        _streamStarted = _time.GetTimestamp();
        _metrics.StreamOpened(_type);
    }

    /// <summary>An event the stream sent (written by the endpoint, or the endpoint's own error event).</summary>
    public void Sent(ThreadStreamEvent streamEvent)
    {
        _events++;
        switch (streamEvent)
        {
            case ThreadCreatedEvent created:
                _activity?.SetTag(ChatKitTelemetry.ThreadIdTag, created.Thread.Id);
                break;
            case ThreadItemDoneEvent:
                _itemsDone++;
                break;
            case ThreadItemUpdatedEvent { Update: AssistantMessageContentPartTextDelta } when !_firstToken:
                _firstToken = true;
                _metrics.FirstToken(_type, _time.GetElapsedTime(_started));
                break;
            case ErrorEvent error:
                _metrics.Error(error.Code, StatusCodes.Status200OK); // in-band: the response is a 200
                End("failed", error.Code, null);
                break;
        }
    }

    public void Dispose()
    {
        _outcome ??= "ok";
        if (_streamStarted is { } streamStarted)
        {
            _metrics.StreamClosed(_type, _time.GetElapsedTime(streamStarted));
            _metrics.Turn(_type, _outcome);
            _activity?.SetTag(ChatKitTelemetry.EventsTag, _events);
            _activity?.SetTag(ChatKitTelemetry.ItemsDoneTag, _itemsDone);
        }

        _activity?.SetTag(ChatKitTelemetry.OutcomeTag, _outcome);
        _activity?.Dispose();
    }

    private void End(string outcome, string code, Exception? exception)
    {
        _outcome ??= outcome;
        if (_activity is null || outcome != "failed")
        {
            return;
        }

        _activity.SetTag(ChatKitTelemetry.ErrorCodeTag, code);
        _activity.SetStatus(ActivityStatusCode.Error, code);
        if (exception is not null)
        {
            _activity.AddException(exception);
        }
    }
}
