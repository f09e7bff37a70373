using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ChatKitApp.Agents.Turn;

/// <summary>
/// Reads a string from the request's <c>metadata</c>, which the browser fills and which may hold
/// lone UTF-16 surrogates (the request rules let them through there: a page selection cut at a
/// UTF-16 length splits emoji). They become U+FFFD, as a browser's own encoder would make them,
/// instead of failing the turn.
/// </summary>
public static partial class MetadataText
{
    /// <summary>The string value of <paramref name="node"/>; null when it is not a string.</summary>
    public static string? Read(JsonNode? node)
    {
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return value.GetValue<string>();
        }
        catch (InvalidOperationException) when (value.TryGetValue<JsonElement>(out var element))
        {
            // System.Text.Json cannot decode a lone surrogate; fix the escapes, then decode.
            var repaired = LoneSurrogateEscape().Replace(element.GetRawText(), m => m.Groups["pair"].Success ? m.Value : "\\ufffd");
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(repaired));
            reader.Read();
            return reader.GetString();
        }
    }

    /// <summary>
    /// A <c>\uD800</c>-<c>\uDFFF</c> escape (its backslash not itself escaped): a high one followed
    /// by a low one is a pair (group <c>pair</c>), any other is lone.
    /// </summary>
    [GeneratedRegex(@"(?<=(?<!\\)(?:\\\\)*)\\u(?:(?<pair>d[89ab][0-9a-f]{2}\\ud[c-f][0-9a-f]{2})|d[89a-f][0-9a-f]{2})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LoneSurrogateEscape();
}
