using ChatKitApp.Tests.Fixtures;

namespace ChatKitApp.Tests.ChatExport;

public sealed class MemoryChatExportTests : ChatExportTests
{
    protected override Task<ChatKitAppFactory> CreateAppAsync() => Task.FromResult(new ChatKitAppFactory());
}
