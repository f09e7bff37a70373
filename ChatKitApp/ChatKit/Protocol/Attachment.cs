using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ChatKitApp.ChatKit.Protocol;

/// <summary>An uploaded file or image.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(FileAttachment), "file")]
[JsonDerivedType(typeof(ImageAttachment), "image")]
public abstract record Attachment
{
    [JsonPropertyOrder(-6)]
    public required string Id { get; init; }

    [JsonPropertyOrder(-5)]
    public required string Name { get; init; }

    [JsonPropertyOrder(-4)]
    public required string MimeType { get; init; }

    /// <summary>Where the client uploads the bytes (two-phase upload); cleared once uploaded.</summary>
    [JsonPropertyOrder(-3)]
    public UploadDescriptor? UploadDescriptor { get; init; }

    /// <summary>Set by the server when a user message referencing the attachment is saved.</summary>
    [JsonPropertyOrder(-2)]
    public string? ThreadId { get; init; }

    /// <summary>Integration-private; persisted by stores, never written to the client.</summary>
    [JsonPropertyOrder(-1)]
    public JsonObject? Metadata { get; init; }
}
