using System.Text.Json.Nodes;

namespace ChatKitApp.Agents.Turn;

/// <summary>
/// What the chat panel's fetch adds to every request's <c>metadata</c>: the page the user is on and
/// the browser's time zone. The keys live here only: the panel is told them by .NET, and the server
/// reads them here.
/// </summary>
public sealed record BrowserMetadata(PageContext? Page, TimeZoneInfo TimeZone)
{
    public const string PageKey = "page";
    public const string TimeZoneKey = "time_zone";

    public static BrowserMetadata Read(JsonObject metadata) =>
        new(PageContext.FromMetadata(metadata), TimeZoneFrom(metadata[TimeZoneKey]));

    /// <summary>An IANA id the browser reports (for the date/time tool), else UTC; lone surrogates are repaired first.</summary>
    private static TimeZoneInfo TimeZoneFrom(JsonNode? node) =>
        MetadataText.Read(node) is { } id
        && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? zone
            : TimeZoneInfo.Utc;
}
