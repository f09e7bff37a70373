namespace ChatKitApp.Agents.Turn;

/// <summary>
/// The caps <see cref="PageContext"/> enforces on <c>metadata.page</c>, in one record. The chat panel
/// sends them to the browser, which trims what it collects to the same caps, so the two sides agree.
/// </summary>
public sealed record PageContextLimits(int Url, int Title, int Description, int Heading, int Headings, int Selection)
{
    /// <summary>What the server keeps of each field.</summary>
    public static PageContextLimits Enforced { get; } = new(
        Url: PageContext.MaxUrlLength,
        Title: PageContext.MaxTitleLength,
        Description: PageContext.MaxDescriptionLength,
        Heading: PageContext.MaxHeadingLength,
        Headings: PageContext.MaxHeadings,
        Selection: PageContext.MaxSelectionLength);
}
