using System.Text.Json.Serialization;

namespace ChatKitApp.ChatKit.Widgets;

/// <summary>A date field with a calendar; dates are written as ISO-8601 date-times (see <see cref="WidgetDateConverter"/>).</summary>
public sealed record DatePicker : PickerControl
{
    [JsonConverter(typeof(WidgetDateConverter))]
    public DateTimeOffset? DefaultValue { get; init; }

    /// <summary>The earliest date that can be picked (inclusive).</summary>
    [JsonConverter(typeof(WidgetDateConverter))]
    public DateTimeOffset? Min { get; init; }

    /// <summary>The latest date that can be picked (inclusive).</summary>
    [JsonConverter(typeof(WidgetDateConverter))]
    public DateTimeOffset? Max { get; init; }

    /// <summary>Where the calendar opens: <c>top</c>, <c>bottom</c>, <c>left</c> or <c>right</c>.</summary>
    public string? Side { get; init; }

    /// <summary>How the calendar lines up with the field: <c>start</c>, <c>center</c> or <c>end</c>.</summary>
    public string? Align { get; init; }
}
