using Microsoft.AspNetCore.Diagnostics;

namespace ChatKitApp.Hosting;

/// <summary>
/// Outside Development, an unhandled failure on an API path (<c>/chatkit…</c>, <c>/api…</c>) answers
/// the JSON error <c>500 internal_error</c> with its <c>trace_id</c>, logged here with the same trace,
/// instead of the HTML error page that pages get. Clients of the API read JSON errors only.
/// </summary>
public sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already pointed the request at the error page; the feature keeps where it failed.
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path is { } original ? new PathString(original) : httpContext.Request.Path;
        if (!path.StartsWithSegments("/chatkit") && !path.StartsWithSegments("/api"))
        {
            return false; // a page: the error page answers
        }

        LogUnhandled(logger, httpContext.Request.Method, path, exception);
        await JsonError.WriteAsync(httpContext, StatusCodes.Status500InternalServerError, "internal_error", "The request failed.", cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed.")]
    private static partial void LogUnhandled(ILogger logger, string method, PathString path, Exception exception);
}
