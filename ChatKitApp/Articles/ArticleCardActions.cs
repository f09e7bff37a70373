using System.Text.Json.Nodes;
using ChatKitApp.Agents.Tools;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKit.Widgets;
using ChatKitApp.ChatKitHost;

namespace ChatKitApp.Articles;

/// <summary>The article card's buttons: Pin/Unpin and Show more both rebuild the card from the payload.</summary>
public sealed class ArticleCardActions(ArticleCard card) : IWidgetActionHandler
{
    public bool CanHandle(string actionType) => actionType is ArticleCard.PinAction or ArticleCard.MoreAction;

    public Task<JsonObject?> HandleAsync(ChatKitAction action, WidgetItem sender, ChatKitRequestContext context, CancellationToken cancellationToken) =>
        Task.FromResult<JsonObject?>(WidgetJson.ToJson(card.Build(ArticleCardState.FromPayload(action.Payload))));
}
