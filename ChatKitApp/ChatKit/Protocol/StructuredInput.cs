using System.Text.Json.Serialization;

namespace ChatKitApp.ChatKit.Protocol;

/// <summary>One question of a structured input item.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(MultipleChoiceInput), "multiple_choice")]
[JsonDerivedType(typeof(FreeformInput), "freeform")]
public abstract record StructuredInput
{
    [JsonPropertyOrder(-3)]
    public required string Id { get; init; }

    [JsonPropertyOrder(-2)]
    public required string Question { get; init; }

    [JsonPropertyOrder(-1)]
    public StructuredInputAnswer? Answer { get; init; }
}
