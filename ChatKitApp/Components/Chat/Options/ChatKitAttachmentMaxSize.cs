using System.Text.Json.Serialization;

namespace ChatKitApp.Components.Chat.Options;

/// <summary>
/// <c>attachments.maxSize</c>: one limit in bytes for every file (a number converts to it), or limits
/// per MIME pattern (<c>image/*</c>; <c>*</c> for the rest). Serialized as the number or the map.
/// </summary>
[JsonConverter(typeof(ChatKitAttachmentMaxSizeConverter))]
public sealed record ChatKitAttachmentMaxSize
{
    private ChatKitAttachmentMaxSize(long? bytes, IReadOnlyDictionary<string, long>? byMimeType)
    {
        Bytes = bytes;
        ByMimeType = byMimeType;
    }

    public long? Bytes { get; }

    public IReadOnlyDictionary<string, long>? ByMimeType { get; }

    public static ChatKitAttachmentMaxSize FromInt64(long bytes) => new(bytes, null);

    public static ChatKitAttachmentMaxSize PerMimeType(IReadOnlyDictionary<string, long> byMimeType) => new(null, byMimeType);

    public static implicit operator ChatKitAttachmentMaxSize(long bytes) => FromInt64(bytes);
}
