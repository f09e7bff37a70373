using System.Text.Json.Serialization;

namespace ChatKitApp.ChatKit.Widgets;

/// <summary>A row of a <see cref="Table"/> (<c>Table.Row</c>); a <see cref="Header"/> row's cells are header cells.</summary>
public sealed record TableRow : WidgetComponent
{
    [JsonConverter(typeof(WidgetListConverter<TableCell>))]
    public IReadOnlyList<TableCell> Children { get; init; } = [];

    public bool? Header { get; init; }
}
