using System.Text.Json.Serialization;

namespace ChatKitApp.ChatKit.Widgets;

/// <summary>A table of <see cref="TableRow"/>s; it sizes its columns and scrolls sideways when too wide.</summary>
public sealed record Table : WidgetComponent
{
    [JsonConverter(typeof(WidgetListConverter<TableRow>))]
    public IReadOnlyList<TableRow> Children { get; init; } = [];
}
