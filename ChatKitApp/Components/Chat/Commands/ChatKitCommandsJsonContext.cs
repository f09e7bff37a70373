using System.Text.Json.Serialization;

namespace ChatKitApp.Components.Chat.Commands;

/// <summary>
/// The element's argument shape: camelCase, nulls left out. Leaving nulls out matters: the element
/// reads a present <c>selectedToolId: null</c> as "clear the tool", an absent one as "keep it".
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ChatKitUserMessage))]
[JsonSerializable(typeof(ChatKitComposerValue))]
[JsonSerializable(typeof(ChatKitCustomAction))]
internal sealed partial class ChatKitCommandsJsonContext : JsonSerializerContext;
