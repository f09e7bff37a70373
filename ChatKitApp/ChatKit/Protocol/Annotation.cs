namespace ChatKitApp.ChatKit.Protocol;

/// <summary>A citation; <see cref="Index"/> is the character offset of the footnote marker.</summary>
public sealed record Annotation
{
    public string Type => "annotation";

    public required Source Source { get; init; }

    public int? Index { get; init; }
}
