using ChatKitApp.Tests.Fixtures;

namespace ChatKitApp.Tests.Attachments;

public sealed class MemoryAttachmentExpiryTests : AttachmentExpiryTests
{
    protected override Task<ChatKitAppFactory> CreateAppAsync() => Task.FromResult(new ChatKitAppFactory());
}
