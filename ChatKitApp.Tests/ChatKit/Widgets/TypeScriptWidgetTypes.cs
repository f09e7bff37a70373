using System.Text;
using System.Text.RegularExpressions;

namespace ChatKitApp.Tests.ChatKit.Widgets;

/// <summary>
/// Just enough of a reader for the element's <c>widgets.d.ts</c>: its <c>type X = …</c> aliases, the
/// top-level members of their object literals, and intersections with other aliases (<c>&amp; Other</c>,
/// <c>&amp; Pick&lt;Other, 'a' | 'b'&gt;</c>). A component is an alias with a literal <c>type: '…'</c> member.
/// </summary>
internal static partial class TypeScriptWidgetTypes
{
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Components(string source)
    {
        var aliases = Aliases(LineComments().Replace(source, ""));
        var components = new Dictionary<string, IReadOnlySet<string>>();
        foreach (var body in aliases.Values)
        {
            var match = TypeMember().Match(TopLevelMembers(body));
            if (match.Success)
            {
                components[match.Groups[1].Value] = Props(body, aliases).Where(p => p != "type").ToHashSet();
            }
        }

        return components;
    }

    private static Dictionary<string, string> Aliases(string source)
    {
        var starts = AliasStart().Matches(source);
        var aliases = new Dictionary<string, string>();
        for (var i = 0; i < starts.Count; i++)
        {
            var end = i + 1 < starts.Count ? starts[i + 1].Index : source.Length;
            var from = starts[i].Index + starts[i].Length;
            aliases[starts[i].Groups[1].Value] = source[from..end];
        }

        return aliases;
    }

    private static HashSet<string> Props(string body, Dictionary<string, string> aliases)
    {
        var props = MemberName().Matches(TopLevelMembers(body)).Select(m => m.Groups[1].Value).ToHashSet();
        var outside = OutsideBraces(body);
        foreach (Match pick in Pick().Matches(outside))
        {
            var picked = Quoted().Matches(pick.Groups[2].Value).Select(m => m.Groups[1].Value);
            props.UnionWith(Props(aliases[pick.Groups[1].Value], aliases).Intersect(picked));
        }

        foreach (Match other in Intersection().Matches(outside))
        {
            props.UnionWith(Props(aliases[other.Groups[1].Value], aliases));
        }

        return props;
    }

    // The text at brace depth 1: the members of the alias's object literal(s), without nested objects.
    private static string TopLevelMembers(string body) => AtDepth(body, 1);

    private static string OutsideBraces(string body) => AtDepth(body, 0);

    private static string AtDepth(string body, int wanted)
    {
        var text = new StringBuilder();
        var depth = 0;
        foreach (var c in body)
        {
            depth += c == '{' ? 1 : 0;
            if (depth == wanted && c is not '{' and not '}')
            {
                text.Append(c);
            }

            depth -= c == '}' ? 1 : 0;
        }

        return text.ToString();
    }

    [GeneratedRegex(@"//[^\n]*")]
    private static partial Regex LineComments();

    [GeneratedRegex(@"^(?:export\s+)?type\s+(\w+)\s*=", RegexOptions.Multiline)]
    private static partial Regex AliasStart();

    [GeneratedRegex(@"(?:^|[;\s])type\??:\s*'([\w.]+)'")]
    private static partial Regex TypeMember();

    [GeneratedRegex(@"(\w+)\??\s*:")]
    private static partial Regex MemberName();

    [GeneratedRegex(@"&\s*Pick<\s*(\w+)\s*,([^>]*)>")]
    private static partial Regex Pick();

    [GeneratedRegex(@"&\s*(\w+)\b(?!\s*<)")]
    private static partial Regex Intersection();

    [GeneratedRegex(@"'([^']*)'")]
    private static partial Regex Quoted();
}
