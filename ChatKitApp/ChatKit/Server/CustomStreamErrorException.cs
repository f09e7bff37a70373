namespace ChatKitApp.ChatKit.Server;

/// <summary>Thrown by a responder to end the stream with an error event whose message the user sees.</summary>
public sealed class CustomStreamErrorException : Exception
{
    public CustomStreamErrorException()
        : this("Something went wrong.")
    {
    }

    public CustomStreamErrorException(string message)
        : this(message, allowRetry: false)
    {
    }

    public CustomStreamErrorException(string message, bool allowRetry)
        : base(message)
    {
        AllowRetry = allowRetry;
    }

    public CustomStreamErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public bool AllowRetry { get; }
}
