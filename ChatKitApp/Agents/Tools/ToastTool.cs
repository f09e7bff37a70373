using System.ComponentModel;
using System.Text.Json.Nodes;
using ChatKitApp.Agents.Turn;
using ChatKitApp.ChatKit.Protocol;
using Microsoft.Extensions.AI;

namespace ChatKitApp.Agents.Tools;

/// <summary>
/// Shows a short notification in the user's page through a <c>client_effect</c> event: fire and
/// forget, unlike a client tool, which waits for the browser's result.
/// </summary>
public sealed class ToastTool : IServerTool
{
    public const string ToolName = "show_toast";
    public const string EffectName = "toast";

    private const int MaxLength = 200;

    public string Name => ToolName;

    public string Title => "Sending a notification";

    public string Icon => "sparkle";

    private AIFunction? _function;

    // Made once (a race may make it twice, harmlessly); each turn gets a small wrapper (see TurnFunction).
    public AIFunction CreateFunction(AgentTurn turn) => TurnFunction.Bind(_function ??= TurnFunction.Create(
        (
            AgentTurn current,
            [Description("The notification text, one short sentence.")] string message,
            [Description("'info', 'success' or 'warning'.")] string kind = "info") => Show(current, message, kind),
        ToolName,
        "Shows the user a short toast notification in the page, outside the chat."), turn);

    private static JsonObject Show(AgentTurn turn, string message, string kind)
    {
        var text = message.Length > MaxLength ? message[..MaxLength] : message;
        var level = kind is "success" or "warning" ? kind : "info";
        turn.Emit(new ClientEffectEvent { Name = EffectName, Data = new JsonObject { ["message"] = text, ["kind"] = level } });
        return new JsonObject { ["shown"] = true };
    }
}
