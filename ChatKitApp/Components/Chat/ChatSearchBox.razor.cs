namespace ChatKitApp.Components.Chat;

public partial class ChatSearchBox
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "The page's chat search failed.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
