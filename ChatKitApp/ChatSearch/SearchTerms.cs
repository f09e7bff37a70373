using System.Text.RegularExpressions;

namespace ChatKitApp.ChatSearch;

/// <summary>
/// The memory store's reading of a web-search query: every word must occur, words after a "-" must
/// not; quotes group nothing (a phrase's words must each occur) and "or" is ignored. Words are
/// letters and digits, compared case-insensitively and whole, without PostgreSQL's stemming.
/// </summary>
public sealed partial record SearchTerms(IReadOnlyList<string> Required, IReadOnlyList<string> Excluded)
{
    public static SearchTerms Parse(string query)
    {
        List<string> required = [];
        List<string> excluded = [];
        foreach (var part in query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var target = part.StartsWith('-') ? excluded : required;
            target.AddRange(Words(part).Where(w => w != "or"));
        }

        return new SearchTerms(required.Distinct().ToList(), excluded.Distinct().ToList());
    }

    /// <summary>The words of <paramref name="text"/>, lower-cased, in order.</summary>
    public static IEnumerable<string> Words(string text) => WordPattern().Matches(text).Select(m => m.Value.ToLowerInvariant());

    /// <summary>
    /// How well <paramref name="text"/> matches: the number of occurrences of the required words,
    /// or 0 when one of them is missing or an excluded word occurs.
    /// </summary>
    public int Score(string text)
    {
        if (Required.Count == 0)
        {
            return 0;
        }

        var counts = Words(text).CountBy(w => w).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        if (Required.Any(w => !counts.ContainsKey(w)) || Excluded.Any(counts.ContainsKey))
        {
            return 0;
        }

        return Required.Sum(w => counts[w]);
    }

    /// <summary>Up to about 200 characters around the first match, the matched words marked as <see cref="SearchSnippet"/> says.</summary>
    public string Snippet(string text)
    {
        const int Before = 60, Length = 200;
        text = SearchSnippet.WithoutMarks(text);
        var matches = WordPattern().Matches(text).Where(m => Required.Contains(m.Value.ToLowerInvariant())).ToList();
        var start = matches.Count == 0 ? 0 : Math.Max(0, matches[0].Index - Before);
        var end = Math.Min(text.Length, start + Length);
        var snippet = new System.Text.StringBuilder(start > 0 ? SearchSnippet.Ellipsis.TrimStart() : "");
        var at = start;
        foreach (var match in matches.Where(m => m.Index >= start && m.Index + m.Length <= end))
        {
            snippet.Append(text, at, match.Index - at).Append(SearchSnippet.MarkStart).Append(match.Value).Append(SearchSnippet.MarkEnd);
            at = match.Index + match.Length;
        }

        snippet.Append(text, at, end - at);
        return end < text.Length ? snippet.Append(SearchSnippet.Ellipsis.TrimEnd()).ToString() : snippet.ToString();
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
