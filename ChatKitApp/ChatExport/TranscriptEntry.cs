namespace ChatKitApp.ChatExport;

/// <summary>One thread item as readable text: a message, or a tool step written out.</summary>
public sealed record TranscriptEntry(TranscriptRole Role, string Label, DateTimeOffset CreatedAt, string Text)
{
    /// <summary>The text the user quoted in a message, if any.</summary>
    public string? QuotedText { get; init; }

    /// <summary>The names of the files attached to a message.</summary>
    public IReadOnlyList<string> Attachments { get; init; } = [];

    public IReadOnlyList<TranscriptSource> Sources { get; init; } = [];
}
