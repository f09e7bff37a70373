using System.ComponentModel;
using System.Text.Json.Nodes;
using ChatKitApp.Agents.Tools;
using ChatKitApp.Agents.Turn;
using ChatKitApp.ChatKit.Protocol;
using Microsoft.Extensions.AI;

namespace ChatKitApp.Articles;

/// <summary>
/// Searches the app's own articles. Every article found is recorded as a source of the turn, so the
/// reply that uses it carries a link to it as an annotation.
/// </summary>
public sealed class ArticleSearchTool(ArticleCatalog catalog) : IServerTool
{
    public const string ToolName = "search_articles";

    private const int MaxResults = 3;
    private const int ExcerptLength = 700;

    public string Name => ToolName;

    public string Title => "Searching the articles";

    public string Icon => "search";

    private AIFunction? _function;

    // Made once (a race may make it twice, harmlessly); each turn gets a small wrapper (see TurnFunction).
    public AIFunction CreateFunction(AgentTurn turn) => TurnFunction.Bind(_function ??= TurnFunction.Create(
        (AgentTurn current, [Description("Words to look for, e.g. 'streaming cancel'.")] string query) => Search(current, query),
        ToolName,
        "Searches this app's help articles (ChatKit, streaming, storage, tools and widgets) and returns the best matches with their URLs."), turn);

    private JsonObject Search(AgentTurn turn, string query)
    {
        var results = new JsonArray();
        foreach (var article in catalog.Search(query, MaxResults))
        {
            turn.AddSource(new UrlSource { Title = article.Title, Url = article.Path, Description = article.Summary });
            results.Add(new JsonObject
            {
                ["title"] = article.Title,
                ["url"] = article.Path,
                ["summary"] = article.Summary,
                ["excerpt"] = article.Body.Length <= ExcerptLength ? article.Body : string.Concat(article.Body.AsSpan(0, ExcerptLength), "…"),
            });
        }

        return new JsonObject { ["query"] = query, ["results"] = results };
    }
}
