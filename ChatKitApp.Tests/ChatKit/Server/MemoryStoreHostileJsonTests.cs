using ChatKitApp.Tests.Fixtures;

namespace ChatKitApp.Tests.ChatKit.Server;

public sealed class MemoryStoreHostileJsonTests : HostileJsonTests
{
    protected override Task<ChatKitAppFactory> CreateAppAsync() => Task.FromResult(new ChatKitAppFactory());
}
