using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Serialization;
using ChatKitApp.ChatKit.Protocol;

namespace ChatKitApp.ChatKit.Server;

/// <summary>
/// The names under which the engine reports itself, with <see cref="System.Diagnostics"/> only
/// (no telemetry library: the host decides what is collected and where it goes). One span per
/// request on <see cref="SourceName"/>, named after the request's type; the instruments of
/// <see cref="ChatKitMetrics"/> on the meter of the same name.
/// </summary>
public static class ChatKitTelemetry
{
    /// <summary>The <see cref="ActivitySource"/> and meter name; add it to the host's tracing and metrics.</summary>
    public const string SourceName = "ChatKitApp.ChatKit";

    /// <summary>The request's <c>type</c>, e.g. <c>threads.create</c>.</summary>
    public const string RequestTypeTag = "chatkit.request.type";

    /// <summary>The thread the request is about (the new thread's id for <c>threads.create</c>).</summary>
    public const string ThreadIdTag = "chatkit.thread.id";

    /// <summary>Items a stream completed (<c>thread.item.done</c> events).</summary>
    public const string ItemsDoneTag = "chatkit.stream.items_done";

    /// <summary>Events a stream sent.</summary>
    public const string EventsTag = "chatkit.stream.events";

    /// <summary>How the request ended: <c>ok</c>, <c>rejected</c> (4xx), <c>failed</c> (5xx or an error event), <c>cancelled</c>.</summary>
    public const string OutcomeTag = "chatkit.outcome";

    /// <summary>The error code answered (<c>{"error":{"code"}}</c> or an <c>error</c> event's code).</summary>
    public const string ErrorCodeTag = "error.type";

    internal static ActivitySource Source { get; } = new(SourceName);

    private static readonly Dictionary<Type, string> RequestTypes = typeof(ChatKitRequest)
        .GetCustomAttributes<JsonDerivedTypeAttribute>()
        .ToDictionary(a => a.DerivedType, a => (string)a.TypeDiscriminator!);

    /// <summary>The wire name of <paramref name="request"/>'s type, from the protocol's own discriminators.</summary>
    public static string TypeOf(ChatKitRequest request) => RequestTypes[request.GetType()];

    /// <summary>The thread a request names in its params, or null (<c>threads.create</c>, lists, attachments).</summary>
    public static string? ThreadIdOf(ChatKitRequest request) => request switch
    {
        ThreadsAddUserMessageRequest r => r.Params.ThreadId,
        ThreadsAddClientToolOutputRequest r => r.Params.ThreadId,
        ThreadsAddStructuredInputRequest r => r.Params.ThreadId,
        ThreadsRetryAfterItemRequest r => r.Params.ThreadId,
        ThreadsCustomActionRequest r => r.Params.ThreadId,
        ThreadsSyncCustomActionRequest r => r.Params.ThreadId,
        ThreadsGetByIdRequest r => r.Params.ThreadId,
        ThreadsUpdateRequest r => r.Params.ThreadId,
        ThreadsDeleteRequest r => r.Params.ThreadId,
        ItemsListRequest r => r.Params.ThreadId,
        ItemsFeedbackRequest r => r.Params.ThreadId,
        _ => null,
    };
}
