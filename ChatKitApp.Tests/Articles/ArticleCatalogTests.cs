using ChatKitApp.Articles;

namespace ChatKitApp.Tests.Articles;

public sealed class ArticleCatalogTests
{
    private readonly ArticleCatalog _catalog = new();

    [Fact]
    public void Catalog_has_four_real_articles_with_unique_slugs()
    {
        Assert.Equal(4, _catalog.All.Count);
        Assert.Equal(4, _catalog.All.Select(a => a.Slug).Distinct().Count());
        Assert.All(_catalog.All, a =>
        {
            Assert.True(a.Paragraphs.Count >= 3, a.Slug);
            Assert.Equal("/articles/" + a.Slug, a.Path);
        });
        Assert.Equal("What is ChatKit", _catalog.Find("what-is-chatkit")?.Title);
        Assert.Null(_catalog.Find("nope"));
    }

    [Theory]
    [InlineData("postgres tables", "storing-chats-in-postgresql")]
    [InlineData("how does streaming stop work", "streaming-with-server-sent-events")]
    [InlineData("client tools widgets", "client-tools-and-widgets")]
    [InlineData("What is ChatKit?", "what-is-chatkit")]
    public void Search_ranks_the_matching_article_first(string query, string expected)
    {
        Assert.Equal(expected, _catalog.Search(query)[0].Slug);
    }

    [Fact]
    public void Search_with_no_meaningful_words_finds_nothing()
    {
        Assert.Empty(_catalog.Search("the and of"));
        Assert.Empty(_catalog.Search("zebra"));
        Assert.Single(_catalog.Search("postgresql", limit: 1));
    }

    [Fact]
    public void Search_weighs_title_over_summary_over_body_and_matches_the_start_of_words()
    {
        var catalog = new ArticleCatalog(
        [
            new("body", "Zeta", "Nothing here.", "Streaming, streaming and streams."),
            new("summary", "Beta", "About streams.", "Nothing here."),
            new("title", "Streams", "Nothing here.", "Nothing here."),
            new("none", "Alpha", "Nothing here.", "A stream of nothing."),
        ]);

        // "streams": one hit each in title (5), summary (3) and body (1); "stream" does not start with it.
        Assert.Equal(["title", "summary", "body"], catalog.Search("streams", limit: 5).Select(a => a.Slug));

        // "stream" starts three body words (3), tying with the summary (3): the tie goes by title, Beta before Zeta.
        Assert.Equal(["title", "summary", "body", "none"], catalog.Search("STREAM", limit: 5).Select(a => a.Slug));
    }
}
