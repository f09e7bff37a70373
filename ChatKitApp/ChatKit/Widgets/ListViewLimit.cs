using System.Text.Json.Serialization;

namespace ChatKitApp.ChatKit.Widgets;

/// <summary>How many items a <see cref="ListView"/> shows before "Show more": a number, or <see cref="Auto"/> (the element decides).</summary>
[JsonConverter(typeof(WidgetUnionConverter<ListViewLimit>))]
public sealed record ListViewLimit : WidgetUnion
{
    private ListViewLimit(object value)
        : base(value)
    {
    }

    public static ListViewLimit Auto { get; } = new((object)"auto");

    public static implicit operator ListViewLimit(int items) => FromInt32(items);

    public static ListViewLimit FromInt32(int items) => new((object)items);
}
