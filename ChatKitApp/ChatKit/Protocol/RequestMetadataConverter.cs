using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ChatKitApp.ChatKit.Protocol;

/// <summary>
/// A request's <c>metadata</c>: an object when present. An explicit <c>null</c> is refused, as the
/// reference's model (a dict with a default) refuses it; leaving the member out is fine.
/// </summary>
public sealed class RequestMetadataConverter : JsonConverter<JsonObject?>
{
    public override bool HandleNull => true;

    public override JsonObject? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.StartObject
            ? JsonNode.Parse(ref reader)!.AsObject()
            : throw new JsonException("'metadata' must be an object when present.");

    public override void Write(Utf8JsonWriter writer, JsonObject? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        value.WriteTo(writer, options);
    }
}
