using System.Text.Json.Nodes;

namespace ChatKitApp.ChatKit.Protocol;

/// <summary>A fire-and-forget instruction for the client's <c>onEffect</c> handler.</summary>
public sealed record ClientEffectEvent : ThreadStreamEvent
{
    public required string Name { get; init; }

    public JsonObject Data { get; set; } = [];
}
