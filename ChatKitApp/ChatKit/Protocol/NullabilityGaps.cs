using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ChatKitApp.ChatKit.Protocol;

/// <summary>
/// Rejects the nulls that <see cref="JsonSerializerOptions.RespectNullableAnnotations"/> lets through,
/// going by the same annotations: it skips generic members (a request's <c>params</c>), collection
/// elements (<c>"attachments":[null]</c>) and members whose converter reads <c>null</c> itself
/// (a <c>JsonObject</c> such as a tag's <c>data</c>).
/// </summary>
internal static class NullabilityGaps
{
    public static void Close(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var nullability = new NullabilityInfoContext();
        var members = new List<(JsonPropertyInfo Property, bool ElementsToo)>();
        foreach (var property in typeInfo.Properties)
        {
            if (property.Get is null || property.PropertyType.IsValueType || property.AttributeProvider is not PropertyInfo member)
            {
                continue;
            }

            if (member.DeclaringType is { IsGenericType: true } declaring && declaring.GetGenericTypeDefinition() == typeof(ChatKitRequest<>))
            {
                // The only generic member of the protocol; ChatKitRequest<TParams> declares it required and non-null.
                property.IsSetNullable = false;
            }

            var elementsToo = typeof(IEnumerable).IsAssignableFrom(property.PropertyType) && ElementsAreNonNullable(nullability.Create(member));
            if (!property.IsSetNullable || elementsToo)
            {
                members.Add((property, elementsToo));
            }
        }

        if (members.Count == 0)
        {
            return;
        }

        var previous = typeInfo.OnDeserialized;
        typeInfo.OnDeserialized = value =>
        {
            previous?.Invoke(value);
            foreach (var (property, elementsToo) in members)
            {
                var member = property.Get!(value);
                if (member is null && !property.IsSetNullable)
                {
                    throw new JsonException($"'{property.Name}' must not be null.");
                }

                if (elementsToo && HasNullElement(member))
                {
                    throw new JsonException($"'{property.Name}' must not contain null.");
                }
            }
        };
    }

    /// <summary>The element (for dictionaries, the value) type argument is annotated non-nullable.</summary>
    private static bool ElementsAreNonNullable(NullabilityInfo info) =>
        (info.ElementType ?? (info.GenericTypeArguments is [.., var last] ? last : null)) is { ReadState: NullabilityState.NotNull };

    private static bool HasNullElement(object? collection)
    {
        var elements = collection is IDictionary dictionary ? dictionary.Values : collection as IEnumerable;
        foreach (var element in elements ?? Array.Empty<object>())
        {
            if (element is null)
            {
                return true;
            }
        }

        return false;
    }
}
