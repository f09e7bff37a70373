using System.Text.Json.Nodes;

namespace ChatKitApp.ChatKit.Protocol;

/// <summary>A custom action sent by a widget; other action-config keys the client sends are ignored.</summary>
public sealed record ChatKitAction
{
    public required string Type { get; init; }

    public JsonNode? Payload { get; init; }
}
