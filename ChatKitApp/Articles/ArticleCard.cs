using System.Text.Json.Nodes;
using ChatKitApp.ChatKit.Widgets;

namespace ChatKitApp.Articles;

/// <summary>
/// The sample widget: a card listing the articles that match a search, each with a Pin button
/// (a sync action: the card changes at once, even mid-response) and a "Show more" button (a
/// streaming action). The whole state travels in every button's payload, so the card can be rebuilt
/// from any click without reading it back from the stored widget.
/// </summary>
public sealed class ArticleCard(ArticleCatalog catalog)
{
    public const string PinAction = "articles.pin";
    public const string MoreAction = "articles.more";
    public const int FirstLimit = 3;
    public const int MoreStep = 3;

    public Card Build(ArticleCardState state) => Build(state, Search(state));

    /// <summary>
    /// The card and what its copy button copies (the titles and their links), from one search of the
    /// catalog: the tool needs both, an action only the card.
    /// </summary>
    public (Card Widget, string CopyText) BuildWithCopyText(ArticleCardState state)
    {
        var found = Search(state);
        var copyText = string.Join('\n', found.Take(state.Limit).Select(a => $"{a.Title}: {a.Path}"));
        return (Build(state, found), copyText);
    }

    // One more than shown, to know whether "Show more" has anything to show.
    private IReadOnlyList<Article> Search(ArticleCardState state) => catalog.Search(state.Query, state.Limit + 1);

    private static Card Build(ArticleCardState state, IReadOnlyList<Article> found)
    {
        var shown = found.Take(state.Limit).ToList();
        List<WidgetComponent> children =
        [
            new Title { Id = "title", Value = shown.Count == 0 ? $"No article matches \u201c{state.Query}\u201d" : $"Articles about \u201c{state.Query}\u201d", Size = "sm" },
        ];
        foreach (var article in shown)
        {
            var pinned = state.Pinned.Contains(article.Path);
            var toggled = pinned ? state.Pinned.Where(p => p != article.Path).ToList() : [.. state.Pinned, article.Path];
            children.Add(new Divider());
            children.Add(new Row
            {
                Key = article.Slug,
                Gap = 3,
                Align = "center",
                Children =
                [
                    new Col
                    {
                        Gap = 1,
                        Flex = 1,
                        Children =
                        [
                            new Text { Value = article.Title, Weight = "semibold" },
                            new Caption { Value = article.Summary },
                        ],
                    },
                    .. (pinned ? [new Badge { Label = "Pinned", Color = "success", Pill = true }] : Array.Empty<WidgetComponent>()),
                    new Button
                    {
                        Id = "pin-" + article.Slug,
                        Label = pinned ? "Unpin" : "Pin",
                        IconStart = pinned ? null : "star",
                        Variant = pinned ? "outline" : "soft",
                        Size = "sm",
                        OnClickAction = new ActionConfig { Type = PinAction, Payload = (state with { Pinned = toggled }).ToPayload(), Streaming = false },
                    },
                ],
            });
        }

        if (found.Count > state.Limit)
        {
            children.Add(new Button
            {
                Id = "more",
                Label = "Show more",
                Variant = "ghost",
                Block = true,
                OnClickAction = new ActionConfig { Type = MoreAction, Payload = (state with { Limit = state.Limit + MoreStep }).ToPayload() },
            });
        }

        return new Card { Size = "lg", Children = children };
    }
}
