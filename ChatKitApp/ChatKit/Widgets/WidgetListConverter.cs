using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatKitApp.ChatKit.Widgets;

/// <summary>
/// Children typed narrower than <see cref="WidgetComponent"/> (a <see cref="Table"/>'s rows, a row's
/// cells): System.Text.Json writes the <c>type</c> discriminator only for values declared as the
/// polymorphic base, so each child is written as a <see cref="WidgetComponent"/>.
/// </summary>
internal sealed class WidgetListConverter<TComponent> : JsonConverter<IReadOnlyList<TComponent>>
    where TComponent : WidgetComponent
{
    public override IReadOnlyList<TComponent> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException(WidgetJson.WriteOnly);

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<TComponent> value, JsonSerializerOptions options)
    {
        var component = options.GetTypeInfo(typeof(WidgetComponent));
        writer.WriteStartArray();
        foreach (var child in value)
        {
            JsonSerializer.Serialize(writer, child, component);
        }

        writer.WriteEndArray();
    }
}
