using System.ComponentModel.DataAnnotations;

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

    /// <summary>
    /// How long an upload that no message references is kept (metadata and bytes) before
    /// <see cref="UnattachedAttachmentSweeper"/> deletes it: a file picked and then abandoned, or
    /// uploaded by a script that never sends it. Sent attachments live as long as their thread.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00", ErrorMessage = "ChatKit:Attachments:UnattachedRetention must be between one minute and ten years.")]
    public TimeSpan UnattachedRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often unsent uploads past <see cref="UnattachedRetention"/> are looked for.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "ChatKit:Attachments:SweepInterval must be between one second and one day.")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);
}
