using System.Text.Json.Nodes;

namespace ChatKitApp.ChatKit.Protocol;

public sealed record ThreadAddClientToolOutputParams
{
    public required string ThreadId { get; init; }

    /// <summary>Any JSON value the client tool returned, <c>null</c> included.</summary>
    public JsonNode? Result { get; init; }
}
