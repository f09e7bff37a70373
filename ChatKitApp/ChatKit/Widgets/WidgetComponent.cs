using System.Text.Json.Serialization;

namespace ChatKitApp.ChatKit.Widgets;

/// <summary>
/// A widget component, serialized to the widget JSON the element renders: <c>type</c> first, props
/// camelCase, nulls left out (<see cref="WidgetJson"/>). Only the core set is typed; anything else can
/// still be sent as raw JSON in a <see cref="Protocol.WidgetItem"/>.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(Card), "Card")]
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
public abstract record WidgetComponent
{
    /// <summary>Names the component for the diff and for streaming text (Text/Markdown).</summary>
    [JsonPropertyOrder(-2)]
    public string? Id { get; init; }

    [JsonPropertyOrder(-1)]
    public string? Key { get; init; }
}
