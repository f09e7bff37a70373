using System.Text;
using System.Text.Json.Nodes;

namespace ChatKitApp.Agents.Turn;

/// <summary>
/// The page the user is on, as the host's fetch interceptor reports it in <c>metadata.page</c>.
/// The browser controls every field, so each is trimmed to a cap and stripped of control characters
/// (lone surrogates, which a cut selection can hold, become U+FFFD: see <see cref="MetadataText"/>);
/// the prompt presents it as untrusted data.
/// </summary>
public sealed record PageContext
{
    public const int MaxUrlLength = 500;
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 500;
    public const int MaxHeadings = 20;
    public const int MaxHeadingLength = 150;
    public const int MaxSelectionLength = 2000;

    public string? Url { get; init; }

    public string? Path { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<string> Headings { get; init; } = [];

    public string? Selection { get; init; }

    /// <summary>Reads <c>metadata.page</c>; null when it is missing, not an object, or empty.</summary>
    public static PageContext? FromMetadata(JsonObject? metadata)
    {
        if (metadata?[BrowserMetadata.PageKey] is not JsonObject page)
        {
            return null;
        }

        var headings = page["headings"] is JsonArray array
            ? array.Select(h => Clean(AsString(h), MaxHeadingLength)).OfType<string>().Take(MaxHeadings).ToList()
            : [];

        var context = new PageContext
        {
            Url = Clean(AsString(page["url"]), MaxUrlLength),
            Path = Clean(AsString(page["path"]), MaxUrlLength),
            Title = Clean(AsString(page["title"]), MaxTitleLength),
            Description = Clean(AsString(page["description"]), MaxDescriptionLength),
            Headings = headings,
            Selection = Clean(AsString(page["selection"]), MaxSelectionLength, keepNewlines: true),
        };

        return context is { Url: null, Path: null, Title: null, Description: null, Selection: null, Headings.Count: 0 } ? null : context;
    }

    private static string? AsString(JsonNode? node) => MetadataText.Read(node);

    /// <summary>Drops control characters (newlines kept where asked), collapses blank runs and caps the length.</summary>
    private static string? Clean(string? value, int maxLength, bool keepNewlines = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var builder = new StringBuilder(Math.Min(value.Length, maxLength + 1));
        foreach (var c in value.AsSpan().Trim())
        {
            if (builder.Length > maxLength)
            {
                break;
            }

            if (c == '\n' && keepNewlines)
            {
                builder.Append('\n');
            }
            else if (char.IsControl(c) || char.IsWhiteSpace(c))
            {
                if (builder.Length > 0 && builder[^1] != ' ' && builder[^1] != '\n')
                {
                    builder.Append(' ');
                }
            }
            else
            {
                builder.Append(c);
            }
        }

        if (builder.Length > maxLength)
        {
            builder.Length = maxLength - 1;
            builder.Append('…');
        }

        return builder.ToString().TrimEnd();
    }
}
