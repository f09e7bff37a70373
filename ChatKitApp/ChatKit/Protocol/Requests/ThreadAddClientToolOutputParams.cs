using System.Text.Json.Nodes;

namespace ChatKitApp.ChatKit.Protocol;

public sealed record ThreadAddClientToolOutputParams
{
    public required string ThreadId { get; init; }

    /// <summary>Any JSON value the client tool returned; the key is required, its value may be <c>null</c>.</summary>
    public required JsonNode? Result { get; init; }
}
