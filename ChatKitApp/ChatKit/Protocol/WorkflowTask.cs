using System.Text.Json.Serialization;

namespace ChatKitApp.ChatKit.Protocol;

/// <summary>A step shown inside a workflow or as a standalone task item.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(CustomTask), "custom")]
[JsonDerivedType(typeof(SearchTask), "web_search")]
[JsonDerivedType(typeof(ThoughtTask), "thought")]
[JsonDerivedType(typeof(FileTask), "file")]
[JsonDerivedType(typeof(ImageTask), "image")]
public abstract record WorkflowTask
{
    [JsonPropertyOrder(-2)]
    public TaskStatusIndicator StatusIndicator { get; set; } = TaskStatusIndicator.None;

    [JsonPropertyOrder(-1)]
    public string? Title { get; init; }
}
