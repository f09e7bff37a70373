namespace ChatKitApp.Tests.Attachments;

public sealed class MemoryMalformedUploadTests : MalformedUploadTests
{
    protected override Task<Dictionary<string, string?>> SettingsAsync() => Task.FromResult(new Dictionary<string, string?>());
}
