using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Server;

namespace ChatKitApp.Agents;

/// <summary>
/// What one turn's tools may know and leave behind: the thread, the caller, the page, the user's
/// time zone, and the sources a search found (they become the next reply's annotations).
/// </summary>
public sealed class AgentTurn(ThreadMetadata thread, ChatKitRequestContext context, PageContext? page, TimeZoneInfo timeZone)
{
    private readonly Lock _gate = new();
    private readonly List<UrlSource> _sources = [];

    public ThreadMetadata Thread { get; } = thread;

    public ChatKitRequestContext Context { get; } = context;

    public PageContext? Page { get; } = page;

    public TimeZoneInfo TimeZone { get; } = timeZone;

    /// <summary>The sources found so far this turn, in the order found, without duplicates.</summary>
    public IReadOnlyList<UrlSource> Sources
    {
        get
        {
            lock (_gate)
            {
                return [.. _sources];
            }
        }
    }

    public void AddSource(UrlSource source)
    {
        lock (_gate)
        {
            if (!_sources.Exists(s => s.Url == source.Url))
            {
                _sources.Add(source);
            }
        }
    }

    /// <summary>
    /// The user's time zone from <c>metadata.time_zone</c> (an IANA id the browser reports), else UTC.
    /// </summary>
    public static TimeZoneInfo TimeZoneFrom(ChatKitRequestContext context) =>
        context.Metadata["time_zone"] is System.Text.Json.Nodes.JsonValue value
        && value.TryGetValue<string>(out var id)
        && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? zone
            : TimeZoneInfo.Utc;
}
