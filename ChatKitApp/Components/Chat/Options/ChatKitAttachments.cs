namespace ChatKitApp.Components.Chat.Options;

/// <summary>
/// What the composer lets users attach: <see cref="MaxSize"/> in bytes (one limit, or one per MIME
/// pattern), <see cref="Accept"/> maps MIME types to file extensions.
/// </summary>
public sealed record ChatKitAttachments(bool Enabled, ChatKitAttachmentMaxSize? MaxSize = null, int? MaxCount = null, IReadOnlyDictionary<string, IReadOnlyList<string>>? Accept = null);
