using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatKitApp.Components.Chat.Options;

/// <summary>The element's option shape: camelCase, nulls left out; also the values option callbacks take and return.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ChatKitOptions))]
[JsonSerializable(typeof(ChatKitTheme))]
[JsonSerializable(typeof(IReadOnlyList<ChatKitContentPart>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, long>))]
[JsonSerializable(typeof(ChatKitEntity))]
[JsonSerializable(typeof(IReadOnlyList<ChatKitEntity>))]
[JsonSerializable(typeof(ChatKitCommand))]
[JsonSerializable(typeof(IReadOnlyList<ChatKitCommand>))]
[JsonSerializable(typeof(ChatKitCommandSelection))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class ChatKitOptionsJsonContext : JsonSerializerContext;
