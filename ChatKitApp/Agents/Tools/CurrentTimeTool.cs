using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Nodes;
using ChatKitApp.Agents.Turn;
using Microsoft.Extensions.AI;

namespace ChatKitApp.Agents.Tools;

/// <summary>The date and time in the user's time zone (or one the model names), from the app's clock.</summary>
public sealed class CurrentTimeTool(TimeProvider timeProvider) : IServerTool
{
    public const string ToolName = "get_current_time";

    public string Name => ToolName;

    public string Title => "Checking the time";

    public string Icon => "clock";

    private AIFunction? _function;

    // Made once (a race may make it twice, harmlessly); each turn gets a small wrapper (see TurnFunction).
    public AIFunction CreateFunction(AgentTurn turn) => TurnFunction.Bind(_function ??= TurnFunction.Create(
        (AgentTurn current, [Description("An IANA time zone such as Europe/Paris; omit for the user's own time zone.")] string? timeZone = null) =>
            Now(current, timeZone),
        ToolName,
        "Gets the current date and time in the user's time zone, or in the given IANA time zone."), turn);

    private JsonObject Now(AgentTurn turn, string? timeZone)
    {
        var zone = turn.TimeZone;
        if (!string.IsNullOrWhiteSpace(timeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out zone))
        {
            return new JsonObject { ["error"] = $"Unknown time zone '{timeZone}'." };
        }

        var utc = timeProvider.GetUtcNow();
        var local = TimeZoneInfo.ConvertTime(utc, zone);
        return new JsonObject
        {
            ["time_zone"] = zone.Id,
            ["local_time"] = local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            ["day_of_week"] = local.DayOfWeek.ToString(),
            ["utc"] = utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        };
    }
}
