namespace ChatKitApp.E2E.Fixtures;

/// <summary>Where the screenshot tests leave their pictures, next to the test output, for review.</summary>
public static class Screenshots
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");
}
