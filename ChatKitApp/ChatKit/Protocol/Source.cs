using System.Text.Json.Serialization;

namespace ChatKitApp.ChatKit.Protocol;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(UrlSource), "url")]
[JsonDerivedType(typeof(FileSource), "file")]
[JsonDerivedType(typeof(EntitySource), "entity")]
public abstract record Source
{
    [JsonPropertyOrder(-4)]
    public required string Title { get; init; }

    [JsonPropertyOrder(-3)]
    public string? Description { get; init; }

    [JsonPropertyOrder(-2)]
    public string? Timestamp { get; init; }

    [JsonPropertyOrder(-1)]
    public string? Group { get; init; }
}
