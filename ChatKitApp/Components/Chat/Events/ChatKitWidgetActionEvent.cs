using System.Text.Json;

namespace ChatKitApp.Components.Chat.Events;

/// <summary>
/// A widget action whose <c>handler</c> is <c>client</c> (the element's <c>widgets.onAction</c>):
/// the action's <see cref="Type"/> and <see cref="Payload"/> (a form's values merged in), and the
/// widget item it came from. The element shows the widget busy until the handler returns.
/// </summary>
public sealed record ChatKitWidgetActionEvent(string Type, JsonElement? Payload, string ItemId, JsonElement Widget);
