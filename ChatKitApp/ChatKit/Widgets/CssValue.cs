using System.Text.Json.Serialization;

namespace ChatKitApp.ChatKit.Widgets;

/// <summary>
/// A <c>number | string</c> prop: a number (px for sizes, 4 px spacing units for gaps, a factor for
/// <c>flex</c> and <c>aspectRatio</c>) or any CSS string (<c>"50%"</c>, <c>"1 1 auto"</c>).
/// </summary>
[JsonConverter(typeof(WidgetUnionConverter<CssValue>))]
public sealed record CssValue : WidgetUnion
{
    private CssValue(object value)
        : base(value)
    {
    }

    public static implicit operator CssValue(double number) => FromDouble(number);

    public static implicit operator CssValue(string css) => FromString(css);

    public static CssValue FromDouble(double number) => new((object)number);

    public static CssValue FromString(string css) => new((object)css);
}
