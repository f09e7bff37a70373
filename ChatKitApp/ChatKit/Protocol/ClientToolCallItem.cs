using System.Text.Json.Nodes;

namespace ChatKitApp.ChatKit.Protocol;

/// <summary>A tool the browser runs; pending until <c>threads.add_client_tool_output</c> completes it.</summary>
public sealed record ClientToolCallItem : ThreadItem
{
    public ClientToolCallStatus Status { get; set; } = ClientToolCallStatus.Pending;

    public required string CallId { get; init; }

    public required string Name { get; init; }

    public JsonNode? Arguments { get; set; } = new JsonObject();

    public JsonNode? Output { get; init; }
}
