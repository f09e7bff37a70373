using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatKitApp.Components.Chat.Options;

/// <summary>Options only travel to the element, never back: converters for them write and nothing else.</summary>
internal abstract class ChatKitWriteOnlyConverter<T> : JsonConverter<T>
{
    public sealed override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Options are only written for the element.");
}
