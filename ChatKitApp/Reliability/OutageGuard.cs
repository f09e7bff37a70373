using System.Globalization;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.Hosting;
using Microsoft.Extensions.Options;

namespace ChatKitApp.Reliability;

/// <summary>
/// Tells outages from other failures and answers them: <c>503</c>
/// <c>{"error":{"code":"unavailable",…}}</c> with <c>Retry-After</c>, logged through
/// <see cref="OutageLog"/>. Request handlers catch with <see cref="IsOutage"/>; the
/// <see cref="OutageMiddleware"/> covers everything else.
/// </summary>
public sealed class OutageGuard(IEnumerable<IOutageSource> sources, OutageLog log, IOptions<OutageOptions> options) : IChatKitTransientFailures
{
    public const string ErrorCode = "unavailable";

    private readonly IOutageSource[] _sources = [.. sources];

    /// <summary>Whether every source is ready (<see cref="IOutageSource.IsReady"/>).</summary>
    public bool IsReady => Array.TrueForAll(_sources, s => s.IsReady);

    /// <summary>Whether <paramref name="exception"/>, or one it wraps, says a source is unavailable.</summary>
    public bool IsOutage(Exception exception) => SourceOf(exception) is not null;

    bool IChatKitTransientFailures.IsTransient(Exception exception) => IsOutage(exception);

    Task IChatKitTransientFailures.RespondAsync(HttpContext httpContext, Exception exception) => RespondAsync(httpContext, exception);

    /// <summary>Counts a failure the caller answered itself (an <c>error</c> event in a stream that had started).</summary>
    public void Record(Exception exception) => log.Failed(SourceOf(exception)?.Name ?? "database", exception);

    /// <summary>
    /// Answers 503 with <c>Retry-After</c> (unless the response has started). With an
    /// <paramref name="exception"/>, the failure is counted in the outage log; without one (a
    /// source not ready yet), nothing is logged: the source logs its own start-up attempts.
    /// </summary>
    public Task RespondAsync(HttpContext http, Exception? exception)
    {
        var source = exception is null ? Array.Find(_sources, s => !s.IsReady) : SourceOf(exception);
        var name = source?.Name ?? "database";
        if (exception is not null)
        {
            log.Failed(name, exception);
        }

        if (http.Response.HasStarted)
        {
            return Task.CompletedTask;
        }

        var seconds = options.Value.RetryAfterSeconds;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-store";
        return JsonError.WriteAsync(
            http,
            StatusCodes.Status503ServiceUnavailable,
            ErrorCode,
            $"The {name} is unavailable; try again in {seconds} seconds.",
            http.RequestAborted);
    }

    private IOutageSource? SourceOf(Exception exception)
    {
        // Outages arrive wrapped at times: the key ring's read failure inside a CryptographicException,
        // a store call inside an AggregateException.
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (Array.Find(_sources, s => s.IsOutage(current)) is { } source)
            {
                return source;
            }

            if (current is AggregateException aggregate)
            {
                return aggregate.InnerExceptions.Select(SourceOf).FirstOrDefault(s => s is not null);
            }
        }

        return null;
    }
}
