using ChatKitApp.Tests.Fixtures;

namespace ChatKitApp.Tests.Sharing;

public sealed class MemoryShareLinkTests : ShareLinkTests
{
    protected override Task<ChatKitAppFactory> CreateAppAsync() => Task.FromResult(new ChatKitAppFactory());
}
