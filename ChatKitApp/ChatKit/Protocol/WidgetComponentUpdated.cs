using System.Text.Json.Nodes;

namespace ChatKitApp.ChatKit.Protocol;

public sealed record WidgetComponentUpdated(string ComponentId, JsonObject Component) : ThreadItemUpdate;
