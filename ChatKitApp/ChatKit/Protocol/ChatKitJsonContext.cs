using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ChatKitApp.ChatKit.Protocol;

/// <summary>
/// Source-generated serialization metadata for every protocol type.
/// Properties with a default value use <c>set</c>, not <c>init</c>: the source generator assigns
/// init-only properties in the object initializer, so a member missing from the JSON would get
/// <c>default</c> instead of its declared default (an absent <c>order</c> would read as <c>asc</c>).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowOutOfOrderMetadataProperties = true,
    Converters = [typeof(UtcTimestampConverter)])]
[JsonSerializable(typeof(ChatKitRequest))]
[JsonSerializable(typeof(ThreadStreamEvent))]
[JsonSerializable(typeof(ThreadItem))]
[JsonSerializable(typeof(ThreadMetadata))]
[JsonSerializable(typeof(ChatThread))]
[JsonSerializable(typeof(Page<ChatThread>))]
[JsonSerializable(typeof(Page<ThreadItem>))]
[JsonSerializable(typeof(Attachment))]
[JsonSerializable(typeof(SyncCustomActionResponse))]
[JsonSerializable(typeof(TranscriptionResult))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class ChatKitJsonContext : JsonSerializerContext;
