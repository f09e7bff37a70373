using System.Text.Json.Nodes;

namespace ChatKitApp.ChatKit.Protocol;

/// <summary>An @-mention of an app entity.</summary>
public sealed record UserMessageTagContent : UserMessageContent
{
    public required string Id { get; init; }

    public required string Text { get; init; }

    public JsonObject Data { get; set; } = [];

    public string? Group { get; init; }

    public bool Interactive { get; init; }
}
