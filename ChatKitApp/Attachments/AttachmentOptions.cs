namespace ChatKitApp.Attachments;

/// <summary>Upload limits (<c>ChatKit:Attachments</c>).</summary>
public sealed class AttachmentOptions
{
    public const string SectionName = "ChatKit:Attachments";

    /// <summary>Largest file accepted. The bytes live in one PostgreSQL <c>bytea</c> value, so keep it modest.</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// The types users may upload. Images the browser can show safely (no SVG: it can carry script)
    /// and text-like files the model can read.
    /// </summary>
    public List<string> AllowedTypes { get; set; } =
    [
        "image/png", "image/jpeg", "image/gif", "image/webp",
        "text/plain", "text/markdown", "text/csv", "application/json", "application/pdf",
    ];
}
