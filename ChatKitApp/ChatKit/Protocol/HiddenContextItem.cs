using System.Text.Json.Nodes;

namespace ChatKitApp.ChatKit.Protocol;

/// <summary>Integrator context for the model; stored, never sent to the client.</summary>
public sealed record HiddenContextItem : ThreadItem
{
    public JsonNode? Content { get; init; }
}
