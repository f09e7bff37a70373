using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatKitApp.ChatKit.Protocol;

/// <summary>
/// Writes timestamps as UTC ISO-8601 with microseconds and a <c>Z</c> (a JS client would read an
/// offset-less value as local time). Reads any ISO-8601 form, treating offset-less values as UTC,
/// and Unix seconds, as the reference does.
/// </summary>
public sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return DateTimeOffset.UnixEpoch.AddSeconds(reader.GetDouble());
        }

        var text = reader.GetString();
        if (text is not null && DateTimeOffset.TryParse(
                text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return value;
        }

        throw new JsonException($"'{text}' is not an ISO-8601 timestamp.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        Span<byte> buffer = stackalloc byte[32];
        value.UtcDateTime.TryFormat(buffer, out var written, Format, CultureInfo.InvariantCulture);
        writer.WriteStringValue(buffer[..written]);
    }
}
