namespace ChatKitApp.Hosting;

/// <summary>
/// The app's JSON error answer, <c>{"error":{"code","message"}}</c>: the shape the ChatKit endpoint
/// uses too, so a client reads every error of this app the same way.
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

        http.Response.StatusCode = statusCode;
        return http.Response.WriteAsJsonAsync(new ErrorBody(new ErrorDetail(code, message)), cancellationToken);
    }

    private sealed record ErrorBody(ErrorDetail Error);

    private sealed record ErrorDetail(string Code, string Message);
}
