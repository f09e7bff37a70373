using ChatKitApp.Tests.Fixtures;

namespace ChatKitApp.Tests.ChatSearch;

public sealed class MemoryChatSearchEndpointTests : ChatSearchEndpointTests
{
    protected override Task<ChatKitAppFactory> CreateAppAsync(Dictionary<string, string?> settings) =>
        Task.FromResult(new ChatKitAppFactory(settings));
}
