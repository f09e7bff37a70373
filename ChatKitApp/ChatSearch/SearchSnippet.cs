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
}
