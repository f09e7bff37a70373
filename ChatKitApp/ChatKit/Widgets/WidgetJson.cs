using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatKitApp.ChatKit.Widgets;

/// <summary>Typed widgets to the raw JSON a <see cref="Protocol.WidgetItem"/> carries.</summary>
public static class WidgetJson
{
    internal const string WriteOnly = "Typed widgets are written to the element, not read; read widget JSON as a JsonObject.";

    public static JsonObject ToJson(WidgetComponent widget) =>
        JsonSerializer.SerializeToNode(widget, WidgetJsonContext.Default.WidgetComponent)!.AsObject();
}
