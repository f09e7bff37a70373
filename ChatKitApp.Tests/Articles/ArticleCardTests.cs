using ChatKitApp.Articles;
using ChatKitApp.ChatKit.Widgets;

namespace ChatKitApp.Tests.Articles;

public sealed class ArticleCardTests
{
    private readonly ArticleCatalog _catalog = new();

    [Fact]
    public void BuildWithCopyText_copies_exactly_the_shown_articles_and_builds_the_same_card_as_Build()
    {
        var card = new ArticleCard(_catalog);
        var state = new ArticleCardState("chatkit and server", ArticleCard.FirstLimit, []); // four matches: one more than shown

        var (widget, copyText) = card.BuildWithCopyText(state);

        var shown = widget.Children.OfType<Row>().Select(row => _catalog.Find(row.Key!)!).ToList();
        Assert.Equal(ArticleCard.FirstLimit, shown.Count);
        Assert.Equal(shown.Select(a => $"{a.Title}: {a.Path}"), copyText.Split('\n'));
        Assert.Contains(widget.Children, c => c is Button { Id: "more" });
        Assert.Equal(WidgetJson.ToJson(card.Build(state)).ToJsonString(), WidgetJson.ToJson(widget).ToJsonString());
    }

    [Fact]
    public void BuildWithCopyText_with_no_match_copies_nothing_and_offers_no_more()
    {
        var (widget, copyText) = new ArticleCard(_catalog).BuildWithCopyText(new ArticleCardState("zebra", ArticleCard.FirstLimit, []));

        Assert.Equal("", copyText);
        Assert.Empty(widget.Children.OfType<Row>());
        Assert.DoesNotContain(widget.Children, c => c is Button);
    }

    [Theory]
    [InlineData("\"thr_1\"")]
    [InlineData("1")]
    [InlineData("[{\"query\":\"x\"}]")]
    [InlineData("null")]
    public void FromPayload_that_is_not_an_object_reads_as_the_defaults(string payload)
    {
        var state = ArticleCardState.FromPayload(System.Text.Json.Nodes.JsonNode.Parse(payload));

        Assert.Equal(("", ArticleCard.FirstLimit, 0), (state.Query, state.Limit, state.Pinned.Count));
    }
}
