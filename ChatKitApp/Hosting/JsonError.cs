using System.Diagnostics;
using System.Text.Json.Serialization;
using ChatKitApp.ChatKit.Server;

namespace ChatKitApp.Hosting;

/// <summary>
/// The app's JSON error answer, <c>{"error":{"code","message"}}</c>: the shape the ChatKit endpoint
/// uses too, so a client reads every error of this app the same way. A 5xx also carries
/// <c>trace_id</c>, the trace its log lines carry, so a user's report finds the failure in the log.
/// </summary>
public static class JsonError
{
    /// <summary>Answers <paramref name="statusCode"/> with the error body, unless the response has started.</summary>
    public static Task WriteAsync(HttpContext http, int statusCode, string code, string message, CancellationToken cancellationToken = default)
    {
        if (http.Response.HasStarted)
        {
            return Task.CompletedTask;
        }

        http.RequestServices.GetService<ChatKitMetrics>()?.Error(code, statusCode);
        http.Response.StatusCode = statusCode;
        var traceId = statusCode >= StatusCodes.Status500InternalServerError ? TraceId(http) : null;
        return http.Response.WriteAsJsonAsync(new ErrorBody(new ErrorDetail(code, message, traceId)), cancellationToken);
    }

    /// <summary>The current trace's id (what log records made now carry), or the request's own id without one.</summary>
    public static string TraceId(HttpContext http) => Activity.Current?.TraceId.ToHexString() ?? http.TraceIdentifier;

    private sealed record ErrorBody(ErrorDetail Error);

    private sealed record ErrorDetail(
        string Code,
        string Message,
        [property: JsonPropertyName("trace_id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TraceId);
}
