using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatKitApp.Components.Chat.Options;

/// <summary>The element's option shape: camelCase, nulls left out.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ChatKitOptions))]
internal sealed partial class ChatKitOptionsJsonContext : JsonSerializerContext;
