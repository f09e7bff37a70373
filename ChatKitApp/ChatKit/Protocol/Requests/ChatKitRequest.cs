using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ChatKitApp.ChatKit.Protocol;

/// <summary>A request to the ChatKit endpoint: <c>{type, params, metadata}</c>, discriminated by <c>type</c>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ThreadsCreateRequest), "threads.create")]
[JsonDerivedType(typeof(ThreadsAddUserMessageRequest), "threads.add_user_message")]
[JsonDerivedType(typeof(ThreadsAddClientToolOutputRequest), "threads.add_client_tool_output")]
[JsonDerivedType(typeof(ThreadsAddStructuredInputRequest), "threads.add_structured_input")]
[JsonDerivedType(typeof(ThreadsRetryAfterItemRequest), "threads.retry_after_item")]
[JsonDerivedType(typeof(ThreadsCustomActionRequest), "threads.custom_action")]
[JsonDerivedType(typeof(ThreadsSyncCustomActionRequest), "threads.sync_custom_action")]
[JsonDerivedType(typeof(ThreadsGetByIdRequest), "threads.get_by_id")]
[JsonDerivedType(typeof(ThreadsListRequest), "threads.list")]
[JsonDerivedType(typeof(ThreadsUpdateRequest), "threads.update")]
[JsonDerivedType(typeof(ThreadsDeleteRequest), "threads.delete")]
[JsonDerivedType(typeof(ItemsListRequest), "items.list")]
[JsonDerivedType(typeof(ItemsFeedbackRequest), "items.feedback")]
[JsonDerivedType(typeof(AttachmentsCreateRequest), "attachments.create")]
[JsonDerivedType(typeof(AttachmentsDeleteRequest), "attachments.delete")]
[JsonDerivedType(typeof(InputTranscribeRequest), "input.transcribe")]
public abstract record ChatKitRequest
{
    /// <summary>Free-form data from the client; the server ignores it, the endpoint copies it into the context.</summary>
    [JsonConverter(typeof(RequestMetadataConverter))]
    public JsonObject? Metadata { get; init; }

    /// <summary>Streaming requests answer with server-sent events, the others with one JSON body.</summary>
    [JsonIgnore]
    public abstract bool IsStreaming { get; }
}
