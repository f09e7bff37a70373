using System.Text.Json;

namespace ChatKitApp.Components.Chat.Options;

/// <summary>The element's <c>maxSize: number | Record&lt;string, number&gt;</c>.</summary>
internal sealed class ChatKitAttachmentMaxSizeConverter : ChatKitWriteOnlyConverter<ChatKitAttachmentMaxSize>
{
    public override void Write(Utf8JsonWriter writer, ChatKitAttachmentMaxSize value, JsonSerializerOptions options)
    {
        if (value.ByMimeType is { } byMimeType)
        {
            JsonSerializer.Serialize(writer, byMimeType, ChatKitOptionsJsonContext.Default.IReadOnlyDictionaryStringInt64);
        }
        else
        {
            writer.WriteNumberValue(value.Bytes ?? 0);
        }
    }
}
