namespace ChatKitApp.ChatKit.Store;

/// <summary>Thrown by stores when a thread, item or attachment does not exist for the caller.</summary>
public sealed class NotFoundException : Exception
{
    public NotFoundException()
    {
    }

    public NotFoundException(string message)
        : base(message)
    {
    }

    public NotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
