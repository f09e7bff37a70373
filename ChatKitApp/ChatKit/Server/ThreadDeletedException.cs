namespace ChatKitApp.ChatKit.Server;

/// <summary>
/// The thread a response was being written to was deleted meanwhile (another request, another tab,
/// another instance). The pipeline drops the rest of the response quietly: deleting wins.
/// </summary>
internal sealed class ThreadDeletedException(string threadId, Exception? innerException = null)
    : Exception($"Thread '{threadId}' was deleted while a response was being written to it.", innerException);
