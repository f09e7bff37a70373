namespace ChatKitApp.ChatSearch;

/// <summary>
/// How a snippet marks the matched words. Private-use characters rather than HTML tags: the snippet
/// stays plain text (a message may itself contain "&lt;b&gt;"), and a client turns the marks into
/// highlights with text nodes, never with innerHTML. Marks found in a message are removed first.
/// </summary>
public static class SearchSnippet
{
    /// <summary>Before each matched word (U+E000).</summary>
    public const char MarkStart = '\uE000';

    /// <summary>After each matched word (U+E001).</summary>
    public const char MarkEnd = '\uE001';

    /// <summary>Between the fragments of one snippet, and where text was cut.</summary>
    public const string Ellipsis = " … ";

    /// <summary><paramref name="text"/> without the two mark characters.</summary>
    public static string WithoutMarks(string text) =>
        text.Contains(MarkStart, StringComparison.Ordinal) || text.Contains(MarkEnd, StringComparison.Ordinal)
            ? text.Replace(MarkStart.ToString(), "", StringComparison.Ordinal).Replace(MarkEnd.ToString(), "", StringComparison.Ordinal)
            : text;

    /// <summary>The snippet as runs of text, each marked (a matched word) or not, for a page to render.</summary>
    public static IReadOnlyList<(string Text, bool Marked)> Parts(string snippet)
    {
        List<(string, bool)> parts = [];
        foreach (var (piece, index) in snippet.Split(MarkStart).Select((p, i) => (p, i)))
        {
            var end = index == 0 ? -1 : piece.IndexOf(MarkEnd, StringComparison.Ordinal);
            if (end >= 0)
            {
                parts.Add((piece[..end], true));
            }

            parts.Add((WithoutMarks(piece[(end + 1)..]), false));
        }

        return parts.FindAll(p => p.Item1.Length > 0);
    }
}
