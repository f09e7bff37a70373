using System.Text.Json.Serialization;

namespace ChatKitApp.ChatKit.Widgets;

/// <summary>
/// A widget component, serialized to the widget JSON the element renders: <c>type</c> first, props
/// camelCase, nulls left out (<see cref="WidgetJson"/>). Every component and prop of the element's
/// <c>widgets.d.ts</c> (1.9.0) is typed, plus the reference server's extras; anything else can still
/// be sent as raw JSON in a <see cref="Protocol.WidgetItem"/>.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(Card), "Card")]
[JsonDerivedType(typeof(BasicRoot), "Basic")]
[JsonDerivedType(typeof(ListView), "ListView")]
[JsonDerivedType(typeof(ListViewItem), "ListViewItem")]
[JsonDerivedType(typeof(Box), "Box")]
[JsonDerivedType(typeof(Row), "Row")]
[JsonDerivedType(typeof(Col), "Col")]
[JsonDerivedType(typeof(Text), "Text")]
[JsonDerivedType(typeof(Title), "Title")]
[JsonDerivedType(typeof(Caption), "Caption")]
[JsonDerivedType(typeof(Markdown), "Markdown")]
[JsonDerivedType(typeof(Badge), "Badge")]
[JsonDerivedType(typeof(Button), "Button")]
[JsonDerivedType(typeof(Divider), "Divider")]
[JsonDerivedType(typeof(Spacer), "Spacer")]
[JsonDerivedType(typeof(Icon), "Icon")]
[JsonDerivedType(typeof(Image), "Image")]
[JsonDerivedType(typeof(Form), "Form")]
[JsonDerivedType(typeof(Transition), "Transition")]
[JsonDerivedType(typeof(Table), "Table")]
[JsonDerivedType(typeof(TableRow), "Table.Row")]
[JsonDerivedType(typeof(TableCell), "Table.Cell")]
[JsonDerivedType(typeof(Input), "Input")]
[JsonDerivedType(typeof(Textarea), "Textarea")]
[JsonDerivedType(typeof(Select), "Select")]
[JsonDerivedType(typeof(DatePicker), "DatePicker")]
[JsonDerivedType(typeof(Checkbox), "Checkbox")]
[JsonDerivedType(typeof(RadioGroup), "RadioGroup")]
[JsonDerivedType(typeof(Label), "Label")]
public abstract record WidgetComponent
{
    /// <summary>Names the component for the diff and for streaming text (Text/Markdown).</summary>
    [JsonPropertyOrder(-2)]
    public string? Id { get; init; }

    [JsonPropertyOrder(-1)]
    public string? Key { get; init; }
}
