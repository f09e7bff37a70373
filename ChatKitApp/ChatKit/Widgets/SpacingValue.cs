using System.Text.Json.Serialization;

namespace ChatKitApp.ChatKit.Widgets;

/// <summary>A <c>number | string | Spacing</c> padding or margin: the same on every side, or per side.</summary>
[JsonConverter(typeof(WidgetUnionConverter<SpacingValue>))]
public sealed record SpacingValue : WidgetUnion
{
    private SpacingValue(object value)
        : base(value)
    {
    }

    public static implicit operator SpacingValue(double units) => FromDouble(units);

    public static implicit operator SpacingValue(string css) => FromString(css);

    public static implicit operator SpacingValue(Spacing sides) => FromSpacing(sides);

    public static SpacingValue FromDouble(double units) => new((object)units);

    public static SpacingValue FromString(string css) => new((object)css);

    public static SpacingValue FromSpacing(Spacing sides) => new((object)sides);
}
