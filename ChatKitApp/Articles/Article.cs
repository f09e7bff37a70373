namespace ChatKitApp.Articles;

/// <summary>
/// One of the app's own help articles: what the Ask feature and the model's search tool read, and
/// what <c>/articles/{slug}</c> renders. <see cref="Body"/> is plain text, paragraphs split by blank lines.
/// </summary>
public sealed record Article(string Slug, string Title, string Summary, string Body)
{
    /// <summary>The site-relative address of the article's page.</summary>
    public string Path => "/articles/" + Slug;

    /// <summary>The body's paragraphs, in order.</summary>
    public IReadOnlyList<string> Paragraphs =>
        Body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
