using ChatKitApp.ChatKit.Protocol;

namespace ChatKitApp.ChatKit.Server;

/// <summary>Thrown by a responder to end the stream with an error event that carries no message.</summary>
public class StreamErrorException : Exception
{
    public StreamErrorException()
        : this(ErrorCodes.StreamError)
    {
    }

    public StreamErrorException(string code, bool allowRetry = true)
        : base($"Stream error '{code}'.")
    {
        Code = code;
        AllowRetry = allowRetry;
    }

    public StreamErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = ErrorCodes.StreamError;
        AllowRetry = true;
    }

    public string Code { get; }

    public bool AllowRetry { get; }
}
