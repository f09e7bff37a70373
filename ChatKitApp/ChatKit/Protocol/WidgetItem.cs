using System.Text.Json.Nodes;

namespace ChatKitApp.ChatKit.Protocol;

/// <summary>A widget; the tree is kept as raw JSON so camelCase component props survive untouched.</summary>
public sealed record WidgetItem : ThreadItem
{
    public required JsonObject Widget { get; init; }

    public string? CopyText { get; init; }
}
