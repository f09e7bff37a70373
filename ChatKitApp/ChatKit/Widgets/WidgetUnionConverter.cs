using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatKitApp.ChatKit.Widgets;

/// <summary>Writes a <see cref="WidgetUnion"/> as its value alone. Widgets are only ever written (to the element), never read back.</summary>
internal sealed class WidgetUnionConverter<TUnion> : JsonConverter<TUnion>
    where TUnion : WidgetUnion
{
    public override TUnion Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException(WidgetJson.WriteOnly);

    public override void Write(Utf8JsonWriter writer, TUnion value, JsonSerializerOptions options)
    {
        switch (value.Value)
        {
            case string text:
                writer.WriteStringValue(text);
                break;
            case double number:
                writer.WriteNumberValue(number);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case var record:
                JsonSerializer.Serialize(writer, record, options.GetTypeInfo(record.GetType()));
                break;
        }
    }
}
