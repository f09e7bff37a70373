using System.Text.Json.Serialization;

namespace ChatKitApp.ChatKit.Protocol;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(UrlSource), "url")]
[JsonDerivedType(typeof(FileSource), "file")]
[JsonDerivedType(typeof(EntitySource), "entity")]
public abstract record Source
{
    [JsonPropertyOrder(-1)]
    public required string Title { get; init; }

    public string? Description { get; init; }

    public string? Timestamp { get; init; }

    public string? Group { get; init; }
}
