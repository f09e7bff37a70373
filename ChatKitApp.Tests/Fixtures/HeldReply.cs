using System.Runtime.CompilerServices;
using ChatKitApp.ChatKit.Protocol;

namespace ChatKitApp.Tests.Fixtures;

/// <summary>A reply that starts streaming and holds its stream open until the test releases it.</summary>
public static class HeldReply
{
    public static async IAsyncEnumerable<ThreadStreamEvent> Until(
        Task release, ThreadMetadata thread, ScriptedChatKitServer server, [EnumeratorCancellation] CancellationToken ct)
    {
        var message = new AssistantMessageItem { Id = "msg_" + Guid.NewGuid().ToString("N")[..8], ThreadId = thread.Id, CreatedAt = server.Now() };
        yield return new ThreadItemAddedEvent(message);
        await release.WaitAsync(ct);
        yield return new ThreadItemDoneEvent(message);
    }
}
