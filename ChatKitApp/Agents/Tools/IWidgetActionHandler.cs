using System.Text.Json.Nodes;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKitHost;

namespace ChatKitApp.Agents.Tools;

/// <summary>
/// Handles widget actions of some types by computing the widget's next state. The server saves the
/// updated widget and sends it (as a diff on <c>threads.custom_action</c>, whole on the sync variant),
/// so a handler never touches the store.
/// </summary>
public interface IWidgetActionHandler
{
    bool CanHandle(string actionType);

    /// <summary>The widget's new tree, or null to leave it unchanged.</summary>
    Task<JsonObject?> HandleAsync(ChatKitAction action, WidgetItem sender, ChatKitRequestContext context, CancellationToken cancellationToken);
}
