using System.Text.Json.Serialization;

namespace ChatKitApp.ChatKit.Widgets;

/// <summary>A <c>false | EditableProps</c> prop of <see cref="Text"/>: <see cref="Off"/>, or the field it becomes.</summary>
[JsonConverter(typeof(WidgetUnionConverter<TextEditable>))]
public sealed record TextEditable : WidgetUnion
{
    private TextEditable(object value)
        : base(value)
    {
    }

    /// <summary>Not editable, said explicitly (<c>false</c>; <c>true</c> is not a value the element takes).</summary>
    public static TextEditable Off { get; } = new((object)false);

    public static implicit operator TextEditable(EditableProps field) => FromEditableProps(field);

    public static TextEditable FromEditableProps(EditableProps field) => new((object)field);
}
