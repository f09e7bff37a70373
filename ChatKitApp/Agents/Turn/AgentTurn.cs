using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKitHost;

namespace ChatKitApp.Agents.Turn;

/// <summary>
/// What one turn's tools may know and leave behind: the thread, the caller, the page, the user's
/// time zone, the sources a search found (they become the next reply's annotations), and the events
/// tools emit for the UI (widgets, structured input, client effects), streamed as soon as the tool returns.
/// </summary>
public sealed class AgentTurn(ThreadMetadata thread, ChatKitRequestContext context, PageContext? page, TimeZoneInfo timeZone)
{
    private readonly Lock _gate = new();
    private readonly List<Source> _sources = [];
    private readonly List<ThreadStreamEvent> _emitted = [];

    public ThreadMetadata Thread { get; } = thread;

    public ChatKitRequestContext Context { get; } = context;

    public PageContext? Page { get; } = page;

    public TimeZoneInfo TimeZone { get; } = timeZone;

    /// <summary>Mints item ids for what tools emit (the store's ids in a real turn).</summary>
    public Func<StoreItemType, string> NewItemId { get; init; } = ChatKitIds.New;

    /// <summary>The turn's clock, for the timestamps of emitted items.</summary>
    public Func<DateTimeOffset> Now { get; init; } = () => DateTimeOffset.UtcNow;

    /// <summary>The sources found so far this turn, in the order found, without duplicates.</summary>
    public IReadOnlyList<Source> Sources
    {
        get
        {
            lock (_gate)
            {
                return [.. _sources];
            }
        }
    }

    public void AddSource(Source source)
    {
        lock (_gate)
        {
            if (!_sources.Exists(s => KeyOf(s) == KeyOf(source)))
            {
                _sources.Add(source);
            }
        }
    }

    private static string KeyOf(Source source) => source switch
    {
        UrlSource url => "url:" + url.Url,
        EntitySource entity => "entity:" + entity.Id,
        FileSource file => "file:" + file.Filename,
        _ => "title:" + source.Title,
    };

    /// <summary>Queues an event for the UI; the turn streams it after the running tool returns.</summary>
    public void Emit(ThreadStreamEvent e)
    {
        lock (_gate)
        {
            _emitted.Add(e);
        }
    }

    /// <summary>The events emitted since the last call, in order.</summary>
    public IReadOnlyList<ThreadStreamEvent> TakeEmitted()
    {
        lock (_gate)
        {
            if (_emitted.Count == 0)
            {
                return [];
            }

            var taken = _emitted.ToList();
            _emitted.Clear();
            return taken;
        }
    }
}
