using ChatKitApp.Tests.Fixtures;

namespace ChatKitApp.Tests.Auth;

public sealed class MemoryStoreUserIsolationTests : UserIsolationTests
{
    protected override Task<ChatKitAppFactory> CreateAppAsync() => Task.FromResult(new ChatKitAppFactory());
}
