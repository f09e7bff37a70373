using ChatKitApp.Tests.Fixtures;

namespace ChatKitApp.Tests.Auth;

public sealed class MemoryStoreSessionTests : SessionTests
{
    protected override Task<ChatKitAppFactory> CreateAppAsync() => Task.FromResult(new ChatKitAppFactory());
}
