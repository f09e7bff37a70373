using System.ComponentModel;
using System.Text.Json.Nodes;
using ChatKitApp.Agents.Tools;
using ChatKitApp.Agents.Turn;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKit.Widgets;
using Microsoft.Extensions.AI;

namespace ChatKitApp.Articles;

/// <summary>Shows the articles that match a search as a widget card (<see cref="ArticleCard"/>) in the chat.</summary>
public sealed class ArticleCardTool(ArticleCard card) : IServerTool
{
    public const string ToolName = "show_articles";

    public string Name => ToolName;

    public string Title => "Preparing an article card";

    public string Icon => "document";

    private AIFunction? _function;

    // Made once (a race may make it twice, harmlessly); each turn gets a small wrapper (see TurnFunction).
    public AIFunction CreateFunction(AgentTurn turn) => TurnFunction.Bind(_function ??= TurnFunction.Create(
        (AgentTurn current, [Description("Words to look for, e.g. 'streaming'.")] string query) => Show(current, query),
        ToolName,
        "Shows the user a card listing this app's help articles that match a search, with buttons to pin them. Use it when the user wants to browse or see articles; the card is already visible to the user when this returns."), turn);

    private JsonObject Show(AgentTurn turn, string query)
    {
        var state = new ArticleCardState(query, ArticleCard.FirstLimit, []);
        var (widget, copyText) = card.BuildWithCopyText(state);
        turn.Emit(WidgetStream.StreamWidget(turn.NewItemId(StoreItemType.Message), turn.Thread.Id, turn.Now(), widget, copyText));
        var titles = new JsonArray([.. widget.Children.OfType<Row>().Select(r => JsonValue.Create(r.Key))]);
        return new JsonObject { ["shown"] = titles.Count, ["articles"] = titles, ["note"] = "The card is displayed; do not repeat its content." };
    }
}
