using ChatKitApp.ChatKit.Server;

namespace ChatKitApp.Hosting;

/// <summary>
/// Answers a request body the server could not read (<see cref="UnreadableBody"/>: broken framing,
/// malformed multipart, past the server's cap) with the API's JSON error and a 4xx, on every
/// endpoint and in every environment, instead of letting it reach the exception page (Development)
/// or the HTML error page (Production) as a 500. Logged without a stack trace: it is the client's error.
/// </summary>
internal sealed partial class UnreadableBodyMiddleware(RequestDelegate next, ILogger<UnreadableBodyMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        try
        {
            await next(http);
        }
        catch (Exception ex) when (!http.Response.HasStarted && UnreadableBody.Describe(ex) is { } error)
        {
            LogRejected(logger, error.StatusCode, http.Request.Path, error.Message);
            await JsonError.WriteAsync(http, error.StatusCode, error.Code, error.Message, CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Answered {StatusCode} to a request to {Path} whose body could not be read: {Reason}")]
    private static partial void LogRejected(ILogger logger, int statusCode, PathString path, string reason);
}
