using System.Text.Json.Serialization;

namespace ChatKitApp.ChatKit.Widgets;

/// <summary>Animates layout changes of its one child (written as <c>children</c>, a single component, not a list).</summary>
public sealed record Transition : WidgetComponent
{
    [JsonPropertyName("children")]
    public required WidgetComponent Child { get; init; }
}
