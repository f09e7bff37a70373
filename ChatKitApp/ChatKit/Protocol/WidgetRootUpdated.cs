using System.Text.Json.Nodes;

namespace ChatKitApp.ChatKit.Protocol;

public sealed record WidgetRootUpdated(JsonObject Widget) : ThreadItemUpdate;
