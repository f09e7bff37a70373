using System.Text.Json.Nodes;

namespace ChatKitApp.ChatKit.Protocol;

public sealed record EntitySource : Source
{
    public required string Id { get; init; }

    public string? Icon { get; init; }

    public string? Label { get; init; }

    public string? InlineLabel { get; init; }

    public bool Interactive { get; init; }

    public JsonObject Data { get; set; } = [];
}
