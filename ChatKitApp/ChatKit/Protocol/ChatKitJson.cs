using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ChatKitApp.ChatKit.Protocol;

/// <summary>
/// The protocol's serializer settings: snake_case, nulls omitted, defaults written, compact,
/// non-ASCII as raw UTF-8, <c>type</c> accepted in any position, unknown members ignored.
/// </summary>
public static class ChatKitJson
{
    /// <summary>What goes to the client: attachment metadata is integration-private and left out.</summary>
    public static JsonSerializerOptions Wire { get; } = Create(ChatKitJsonContext.Default.WithAddedModifier(HideAttachmentMetadata));

    /// <summary>
    /// What clients send: integers read leniently (<see cref="LaxIntegerConverter{T}"/>), and an explicit <c>null</c> where the records say non-nullable (a member, a
    /// collection element) or a missing constructor parameter fails like a missing required member,
    /// before anything is stored. Only for reading requests: writing with these settings would throw
    /// on a null instead of omitting it.
    /// </summary>
    public static JsonSerializerOptions Requests { get; } = Create(ChatKitJsonContext.Default.WithAddedModifier(NullabilityGaps.Close), strict: true);

    /// <summary>What stores persist: everything.</summary>
    public static JsonSerializerOptions Storage { get; } = Create(ChatKitJsonContext.Default);

    public static JsonTypeInfo<T> WireType<T>() => (JsonTypeInfo<T>)Wire.GetTypeInfo(typeof(T));

    public static JsonTypeInfo<T> RequestType<T>() => (JsonTypeInfo<T>)Requests.GetTypeInfo(typeof(T));

    public static JsonTypeInfo<T> StorageType<T>() => (JsonTypeInfo<T>)Storage.GetTypeInfo(typeof(T));

    /// <summary>A deep copy through the storage form, so later changes to either side stay apart.</summary>
    public static T Clone<T>(T value) =>
        JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(value, StorageType<T>()), StorageType<T>())!;

    private static JsonSerializerOptions Create(IJsonTypeInfoResolver resolver, bool strict = false)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            AllowOutOfOrderMetadataProperties = true,
            Encoder = MinimalJsonEscaping.Instance,
            TypeInfoResolver = resolver,
            Converters = { new UtcTimestampConverter() },
            RespectNullableAnnotations = strict,
            RespectRequiredConstructorParameters = strict,
        };
        if (strict)
        {
            // Integers as the reference reads them: "2" and 2.0 are 2, huge values clamp.
            options.Converters.Add(new LaxIntegerConverter<int>());
            options.Converters.Add(new LaxIntegerConverter<long>());
        }

        options.MakeReadOnly();
        return options;
    }

    private static void HideAttachmentMetadata(JsonTypeInfo typeInfo)
    {
        if (!typeof(Attachment).IsAssignableFrom(typeInfo.Type))
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            if (property.Name == "metadata")
            {
                property.ShouldSerialize = static (_, _) => false;
            }
        }
    }
}
