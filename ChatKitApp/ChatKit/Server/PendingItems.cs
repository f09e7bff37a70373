using System.Runtime.InteropServices;
using System.Text;
using ChatKitApp.ChatKit.Protocol;

namespace ChatKitApp.ChatKit.Server;

/// <summary>
/// The server's copies of the items a response is still streaming: what a cancelled stream stores.
/// Text deltas are buffered per content part and folded into the copy only when it is needed (the
/// next other update of that item, or the snapshot), so a long reply costs time in proportion to its
/// length rather than a copy of all its text per delta.
/// </summary>
internal sealed class PendingItems
{
    private readonly OrderedDictionary<string, ThreadItem> _items = new(StringComparer.Ordinal);

    // Per item id, the text not yet folded in, per content index.
    private readonly Dictionary<string, Dictionary<int, StringBuilder>> _text = new(StringComparer.Ordinal);

    public int Count => _items.Count;

    /// <summary>Starts tracking an item; a copy, since the responder may keep changing its object.</summary>
    public void Add(ThreadItem item)
    {
        _text.Remove(item.Id);
        _items[item.Id] = ChatKitJson.Clone(item);
    }

    /// <summary>Applies an update to the tracked copy; updates of untracked items are ignored.</summary>
    public void Apply(string itemId, ThreadItemUpdate update)
    {
        if (!_items.TryGetValue(itemId, out var item))
        {
            return;
        }

        if (item is AssistantMessageItem && update is AssistantMessageContentPartTextDelta delta)
        {
            var parts = CollectionsMarshal.GetValueRefOrAddDefault(_text, itemId, out _) ??= [];
            (CollectionsMarshal.GetValueRefOrAddDefault(parts, delta.ContentIndex, out _) ??= new StringBuilder()).Append(delta.Delta);
            return;
        }

        _items[itemId] = PendingItemUpdates.Apply(WithText(itemId, item), update);
    }

    public void Remove(string itemId)
    {
        _text.Remove(itemId);
        _items.Remove(itemId);
    }

    /// <summary>The tracked items as the client has seen them, in the order they were added.</summary>
    public IReadOnlyList<ThreadItem> Snapshot()
    {
        foreach (var itemId in _text.Keys.ToList())
        {
            _items[itemId] = WithText(itemId, _items[itemId]);
        }

        return [.. _items.Values];
    }

    /// <summary>The item with its buffered text applied; the buffers are emptied.</summary>
    private ThreadItem WithText(string itemId, ThreadItem item)
    {
        if (!_text.Remove(itemId, out var parts))
        {
            return item;
        }

        foreach (var (contentIndex, text) in parts)
        {
            item = PendingItemUpdates.Apply(item, new AssistantMessageContentPartTextDelta(contentIndex, text.ToString()));
        }

        return item;
    }
}
