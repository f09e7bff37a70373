namespace ChatKitApp.Tests.Admin;

public sealed class MemoryAdminPageTests : AdminPageTests
{
    protected override Dictionary<string, string?> StoreSettings() => [];
}
