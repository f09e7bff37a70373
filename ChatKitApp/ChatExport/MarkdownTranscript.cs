using System.Text;
using ChatKitApp.ChatKit.Protocol;

namespace ChatKitApp.ChatExport;

/// <summary>
/// The Markdown export: a heading with the title, the thread's dates, then one section per entry
/// (who and when, the text as written, quotes as block quotes, attachments, sources as a list).
/// Messages are Markdown already, so their text is kept as it is.
/// </summary>
public static class MarkdownTranscript
{
    public const string UntitledTitle = "Untitled chat";

    public static string Write(ChatThread thread, DateTimeOffset exportedAt)
    {
        var md = new StringBuilder();
        md.Append("# ").AppendLine(OneLine(thread.Title) is { Length: > 0 } title ? title : UntitledTitle).AppendLine();
        md.Append("- Thread: `").Append(thread.Id).AppendLine("`");
        md.Append("- Created: ").AppendLine(Transcript.Time(thread.CreatedAt));
        md.Append("- Exported: ").AppendLine(Transcript.Time(exportedAt));
        foreach (var entry in Transcript.Entries(thread.Items.Data))
        {
            md.AppendLine().Append("## ").Append(entry.Label).Append(" · ").AppendLine(Transcript.Time(entry.CreatedAt)).AppendLine();
            if (entry.QuotedText is { } quoted)
            {
                foreach (var line in Lines(quoted))
                {
                    md.Append("> ").AppendLine(line);
                }

                md.AppendLine();
            }

            md.AppendLine(entry.Text.Trim());
            if (entry.Attachments.Count > 0)
            {
                md.AppendLine().Append("Attachments: ").AppendLine(string.Join(", ", entry.Attachments));
            }

            if (entry.Sources.Count > 0)
            {
                md.AppendLine().AppendLine("Sources:").AppendLine();
                foreach (var source in entry.Sources)
                {
                    md.Append("- ").AppendLine(SourceLine(source));
                }
            }
        }

        return md.ToString();
    }

    private static string SourceLine(TranscriptSource source)
    {
        var title = OneLine(source.Title);
        var line = source.Url is { } url ? $"[{title.Replace("]", "\\]", StringComparison.Ordinal)}]({LinkTarget(url)})" : title;
        return source.Detail is { Length: > 0 } detail ? $"{line} ({OneLine(detail)})" : line;
    }

    // Characters that would end a Markdown link target early, percent-encoded as a browser would.
    private static string LinkTarget(string url) => url
        .Replace(" ", "%20", StringComparison.Ordinal)
        .Replace("(", "%28", StringComparison.Ordinal)
        .Replace(")", "%29", StringComparison.Ordinal)
        .Replace("<", "%3C", StringComparison.Ordinal)
        .Replace(">", "%3E", StringComparison.Ordinal);

    private static string OneLine(string? text) => string.Join(' ', Lines(text ?? "").Select(l => l.Trim()).Where(l => l.Length > 0));

    private static string[] Lines(string text) => text.ReplaceLineEndings("\n").Split('\n');
}
