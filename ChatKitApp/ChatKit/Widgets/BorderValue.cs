using System.Text.Json.Serialization;

namespace ChatKitApp.ChatKit.Widgets;

/// <summary>A <c>number | Border | Borders</c> border prop: a width in px all round, one <see cref="Border"/> all round, or per side.</summary>
[JsonConverter(typeof(WidgetUnionConverter<BorderValue>))]
public sealed record BorderValue : WidgetUnion
{
    private BorderValue(object value)
        : base(value)
    {
    }

    public static implicit operator BorderValue(int width) => FromInt32(width);

    public static implicit operator BorderValue(Border border) => FromBorder(border);

    public static implicit operator BorderValue(Borders sides) => FromBorders(sides);

    public static BorderValue FromInt32(int width) => new((object)width);

    public static BorderValue FromBorder(Border border) => new((object)border);

    public static BorderValue FromBorders(Borders sides) => new((object)sides);
}
