using Microsoft.AspNetCore.Http;

namespace ChatKitApp.ChatKit.Server;

/// <summary>A request that cannot be served; answered as a 4xx/5xx JSON error before any streaming starts.</summary>
public sealed class ChatKitRequestException : Exception
{
    public ChatKitRequestException(int statusCode, string code, string message)
        : base(message)
    {
        StatusCode = statusCode;
        Code = code;
    }

    public ChatKitRequestException()
        : this(StatusCodes.Status400BadRequest, "invalid_request", "Invalid request.")
    {
    }

    public ChatKitRequestException(string message)
        : this(StatusCodes.Status400BadRequest, "invalid_request", message)
    {
    }

    public ChatKitRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = StatusCodes.Status400BadRequest;
        Code = "invalid_request";
    }

    public int StatusCode { get; }

    public string Code { get; }

    /// <summary>When set, sent as <c>Retry-After</c>: the request may succeed if repeated after this long.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public static ChatKitRequestException BadRequest(string message) => new(StatusCodes.Status400BadRequest, "invalid_request", message);

    public static ChatKitRequestException NotFound(string message) => new(StatusCodes.Status404NotFound, "not_found", message);

    public static ChatKitRequestException Conflict(string message) => new(StatusCodes.Status409Conflict, "conflict", message);

    public static ChatKitRequestException ThreadBusy(string threadId) =>
        new(StatusCodes.Status409Conflict, "thread_busy", $"Another response is still being written in thread '{threadId}'; try again when it has finished.")
        {
            RetryAfter = TimeSpan.FromSeconds(1),
        };

    public static ChatKitRequestException NotImplemented(string message) => new(StatusCodes.Status501NotImplemented, "not_implemented", message);
}
