using System.ComponentModel.DataAnnotations;

namespace ChatKitApp.Attachments;

/// <summary>Upload limits (<c>ChatKit:Attachments</c>).</summary>
public sealed class AttachmentOptions
{
    public const string SectionName = "ChatKit:Attachments";

    /// <summary>Largest file accepted. The bytes live in one PostgreSQL <c>bytea</c> value (at most 1 GB), so keep it modest.</summary>
    [Range(typeof(long), "1", "1073741824")]
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// The types users may upload when configuration lists none: images the browser can show safely
    /// (no SVG: it can carry script) and text-like files the model can read.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultAllowedTypes =
    [
        "image/png", "image/jpeg", "image/gif", "image/webp",
        "text/plain", "text/markdown", "text/csv", "application/json", "application/pdf",
    ];

    /// <summary>
    /// The types users may upload, as configured; empty means <see cref="DefaultAllowedTypes"/>
    /// (read <see cref="EffectiveAllowedTypes"/>). Empty rather than the defaults here:
    /// configuration binding appends to a list it finds filled, so a configured list could never
    /// drop a default type (PDF, say).
    /// </summary>
    public List<string> AllowedTypes { get; set; } = [];

    /// <summary>The types users may upload: the configured list, or the defaults when none is configured.</summary>
    public IReadOnlyList<string> EffectiveAllowedTypes => AllowedTypes.Count > 0 ? AllowedTypes : DefaultAllowedTypes;

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

    /// <summary>A plain <c>type/subtype</c> media type: no wildcard, no parameters.</summary>
    internal static bool IsMediaType(string value) =>
        System.Net.Http.Headers.MediaTypeHeaderValue.TryParse(value, out var parsed)
        && parsed.Parameters.Count == 0
        && parsed.MediaType is { } type
        && !type.Contains('*', StringComparison.Ordinal);
}
