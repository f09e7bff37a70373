using System.Collections.Concurrent;

namespace ChatKitApp.E2E.Fixtures;

/// <summary>The chat panels the app created (newest last) and the events each received in .NET.</summary>
public sealed class PanelRecorder
{
    private readonly ConcurrentQueue<RecordingChatKitPanel> _panels = new();

    public void Add(RecordingChatKitPanel panel) => _panels.Enqueue(panel);

    /// <summary>
    /// The newest panel: once a page's panel is Ready, its interactive one (prerendering made an
    /// earlier instance that never mounts). The collection's tests run one at a time.
    /// </summary>
    public RecordingChatKitPanel Latest => _panels.LastOrDefault() ?? throw new InvalidOperationException("No chat panel was created.");
}
