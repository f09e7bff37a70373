namespace ChatKitApp.Agents.Turn;

/// <summary>
/// An attachment of the newest message as the model received it: its name and type, in which
/// <see cref="Form"/>, and what that form holds (the bytes' length, the text's lines, the image's URL).
/// </summary>
public sealed record TurnAttachment(string Name, string MimeType, TurnAttachmentForm Form)
{
    public long Bytes { get; init; }

    public int Lines { get; init; }

    public Uri? Url { get; init; }
}
