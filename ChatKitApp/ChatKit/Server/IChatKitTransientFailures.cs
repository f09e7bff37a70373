using Microsoft.AspNetCore.Http;

namespace ChatKitApp.ChatKit.Server;

/// <summary>
/// Failures the host knows to be passing (its database is unreachable, say), which deserve an
/// answer that invites a retry rather than a logged 500. The endpoint asks before it reports any
/// failure: before the response starts the host answers (a 503 with <c>Retry-After</c>), after
/// it the stream ends with a retryable <c>error</c> event and the host is told.
/// </summary>
public interface IChatKitTransientFailures
{
    bool IsTransient(Exception exception);

    /// <summary>Answers <paramref name="exception"/> before the response has started.</summary>
    Task RespondAsync(HttpContext httpContext, Exception exception);

    /// <summary>Counts a transient failure the endpoint reported in-band, in a stream that had started.</summary>
    void Record(Exception exception);
}

/// <summary>The default: the host knows of no passing failures; every failure is an error.</summary>
internal sealed class NoTransientFailures : IChatKitTransientFailures
{
    public bool IsTransient(Exception exception) => false;

    public Task RespondAsync(HttpContext httpContext, Exception exception) => Task.CompletedTask;

    public void Record(Exception exception)
    {
    }
}
