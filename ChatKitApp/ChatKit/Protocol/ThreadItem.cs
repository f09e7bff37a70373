using System.Text.Json.Serialization;

namespace ChatKitApp.ChatKit.Protocol;

/// <summary>One entry of a thread's history, discriminated by <c>type</c>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(UserMessageItem), "user_message")]
[JsonDerivedType(typeof(AssistantMessageItem), "assistant_message")]
[JsonDerivedType(typeof(ClientToolCallItem), "client_tool_call")]
[JsonDerivedType(typeof(WidgetItem), "widget")]
[JsonDerivedType(typeof(GeneratedImageItem), "generated_image")]
[JsonDerivedType(typeof(StructuredInputItem), "structured_input")]
[JsonDerivedType(typeof(WorkflowItem), "workflow")]
[JsonDerivedType(typeof(TaskItem), "task")]
[JsonDerivedType(typeof(HiddenContextItem), "hidden_context_item")]
[JsonDerivedType(typeof(SdkHiddenContextItem), "sdk_hidden_context")]
[JsonDerivedType(typeof(EndOfTurnItem), "end_of_turn")]
public abstract record ThreadItem
{
    [JsonPropertyOrder(-3)]
    public required string Id { get; init; }

    [JsonPropertyOrder(-2)]
    public required string ThreadId { get; init; }

    [JsonPropertyOrder(-1)]
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Hidden items are stored and given to the model but never sent to the client.</summary>
    [JsonIgnore]
    public bool IsHidden => this is HiddenContextItem or SdkHiddenContextItem;
}
