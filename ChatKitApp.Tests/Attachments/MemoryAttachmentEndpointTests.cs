using ChatKitApp.Tests.Fixtures;

namespace ChatKitApp.Tests.Attachments;

public sealed class MemoryAttachmentEndpointTests : AttachmentEndpointTests
{
    protected override Task<ChatKitAppFactory> CreateAppAsync() => Task.FromResult(new ChatKitAppFactory());
}
