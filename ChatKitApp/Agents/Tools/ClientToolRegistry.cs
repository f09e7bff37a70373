using System.Text.Json;
using Microsoft.Extensions.AI;

namespace ChatKitApp.Agents.Tools;

/// <summary>
/// Tools the browser runs. They are declared to the model but have no implementation here, so the
/// function-calling loop hands their calls back; the turn then ends with a pending
/// <c>client_tool_call</c> item and resumes on <c>threads.add_client_tool_output</c>.
/// </summary>
public sealed class ClientToolRegistry
{
    public const string GetPageContext = "get_page_context";
    public const string SetTheme = "set_theme";

    public IReadOnlyList<AIFunctionDeclaration> Declarations { get; } =
    [
        AIFunctionFactory.CreateDeclaration(
            GetPageContext,
            "Reads the page the user is on right now in their browser: url, title, description, headings and the selected text.",
            Schema("""{"type":"object","properties":{},"additionalProperties":false}""")),
        AIFunctionFactory.CreateDeclaration(
            SetTheme,
            "Switches the app's color theme in the user's browser.",
            Schema("""{"type":"object","properties":{"theme":{"type":"string","enum":["light","dark"],"description":"The theme to switch to."}},"required":["theme"],"additionalProperties":false}""")),
    ];

    public bool Contains(string name) => Declarations.Any(d => d.Name == name);

    private static JsonElement Schema(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
