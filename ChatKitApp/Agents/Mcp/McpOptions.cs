using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace ChatKitApp.Agents.Mcp;

/// <summary>The MCP servers whose tools the agents may call (<c>ChatKit:Mcp</c>); none by default.</summary>
public sealed partial class McpOptions : IValidatableObject
{
    public const string SectionName = "ChatKit:Mcp";

    public List<McpServerDefinition> Servers { get; set; } = [];

    /// <summary>How long one server may take to start and list its tools before it is skipped.</summary>
    [Range(1, 600)]
    public int StartTimeoutSeconds { get; set; } = 30;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Servers.Count; i++)
        {
            var server = Servers[i];
            var key = $"ChatKit:Mcp:Servers:{i}";
            if (!NamePattern().IsMatch(server.Name))
            {
                yield return new ValidationResult($"{key}:Name '{server.Name}' must be 1-32 letters, digits, '_' or '-' (it prefixes the tools' names).");
            }
            else if (!names.Add(server.Name))
            {
                yield return new ValidationResult($"{key}:Name '{server.Name}' is used twice.");
            }

            var hasCommand = !string.IsNullOrWhiteSpace(server.Command);
            var hasUrl = !string.IsNullOrWhiteSpace(server.Url);
            if (hasCommand == hasUrl)
            {
                yield return new ValidationResult($"{key} needs either Command (stdio) or Url (HTTP), not both.");
            }
            else if (hasUrl && !(Uri.TryCreate(server.Url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
            {
                yield return new ValidationResult($"{key}:Url '{server.Url}' is not an absolute http(s) URL.");
            }
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex NamePattern();
}
