namespace ChatKitApp.Agents.Turn;

/// <summary>How an attachment reached the model (see <see cref="ThreadItemConverter"/>).</summary>
public enum TurnAttachmentForm
{
    /// <summary>An image, as its bytes.</summary>
    Image,

    /// <summary>An image, as a link to it.</summary>
    ImageLink,

    /// <summary>A text-like file, as its (possibly cut) text.</summary>
    Text,

    /// <summary>Any other file, as its bytes.</summary>
    File,

    /// <summary>Only a note naming it: its content could not be read.</summary>
    Unavailable,
}
