using System.Text.Json.Serialization;

namespace ChatKitApp.ChatKit.Widgets;

/// <summary>
/// A <c>string | {light, dark}</c> colour prop: a token (<c>secondary</c>, <c>surface</c>,
/// <c>subtle</c>, …), a primitive colour (<c>red-100</c>), any CSS colour, or a <see cref="ThemeColor"/>.
/// </summary>
[JsonConverter(typeof(WidgetUnionConverter<WidgetColor>))]
public sealed record WidgetColor : WidgetUnion
{
    private WidgetColor(object value)
        : base(value)
    {
    }

    public static implicit operator WidgetColor(string color) => FromString(color);

    public static implicit operator WidgetColor(ThemeColor color) => FromThemeColor(color);

    public static WidgetColor FromString(string color) => new((object)color);

    public static WidgetColor FromThemeColor(ThemeColor color) => new((object)color);
}
