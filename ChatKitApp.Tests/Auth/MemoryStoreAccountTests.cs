using ChatKitApp.Tests.Fixtures;

namespace ChatKitApp.Tests.Auth;

public sealed class MemoryStoreAccountTests : AccountTests
{
    protected override Task<ChatKitAppFactory> CreateAppAsync() => Task.FromResult(new ChatKitAppFactory());
}
