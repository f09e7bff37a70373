using System.Text.Json.Serialization;

namespace ChatKitApp.ChatKit.Widgets;

/// <summary>A <c>number | Border</c> side of <see cref="Borders"/>: a width in px or a whole <see cref="Border"/>.</summary>
[JsonConverter(typeof(WidgetUnionConverter<BorderEdge>))]
public sealed record BorderEdge : WidgetUnion
{
    private BorderEdge(object value)
        : base(value)
    {
    }

    public static implicit operator BorderEdge(int width) => FromInt32(width);

    public static implicit operator BorderEdge(Border border) => FromBorder(border);

    public static BorderEdge FromInt32(int width) => new((object)width);

    public static BorderEdge FromBorder(Border border) => new((object)border);
}
