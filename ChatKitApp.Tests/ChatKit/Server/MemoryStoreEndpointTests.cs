using ChatKitApp.Tests.Fixtures;

namespace ChatKitApp.Tests.ChatKit.Server;

public sealed class MemoryStoreEndpointTests : ChatKitEndpointTests
{
    protected override Task<ChatKitAppFactory> CreateAppAsync(Dictionary<string, string?> settings, Action<ScriptedChatKitServer>? script = null) =>
        Task.FromResult(new ChatKitAppFactory(settings, script));
}
