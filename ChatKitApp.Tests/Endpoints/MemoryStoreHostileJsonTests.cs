using ChatKitApp.Tests.Fixtures;

namespace ChatKitApp.Tests.Endpoints;

public sealed class MemoryStoreHostileJsonTests : HostileJsonTests
{
    protected override Task<ChatKitAppFactory> CreateAppAsync() => Task.FromResult(new ChatKitAppFactory());
}
