using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatKitApp.ChatKit.Widgets;

/// <summary>
/// A <see cref="DatePicker"/> date as the reference writes a datetime: ISO-8601 with its offset
/// (<c>Z</c> for UTC) and fractional seconds only when there are any. The offset is kept rather than
/// converted to UTC because the picker shows the date part: midnight at +02:00 is still that day.
/// </summary>
internal sealed class WidgetDateConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException(WidgetJson.WriteOnly);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        var format = value.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss.ffffff";
        var offset = value.Offset == TimeSpan.Zero ? "Z" : value.ToString("zzz", CultureInfo.InvariantCulture);
        writer.WriteStringValue(value.ToString(format, CultureInfo.InvariantCulture) + offset);
    }
}
