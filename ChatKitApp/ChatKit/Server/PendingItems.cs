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
    private readonly Dictionary<(string ItemId, int ContentIndex), StringBuilder> _text = [];

    public int Count => _items.Count;

    /// <summary>Starts tracking an item; a copy, since the responder may keep changing its object.</summary>
    public void Add(ThreadItem item)
    {
        DropText(item.Id);
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
            (CollectionsMarshal.GetValueRefOrAddDefault(_text, (itemId, delta.ContentIndex), out _) ??= new StringBuilder()).Append(delta.Delta);
            return;
        }

        _items[itemId] = PendingItemUpdates.Apply(WithText(itemId, item), update);
    }

    public void Remove(string itemId)
    {
        DropText(itemId);
        _items.Remove(itemId);
    }

    /// <summary>The tracked items as the client has seen them, in the order they were added.</summary>
    public IReadOnlyList<ThreadItem> Snapshot() => [.. _items.Select(pair => WithText(pair.Key, pair.Value))];

    /// <summary>The item with its buffered text applied (and the buffers emptied).</summary>
    private ThreadItem WithText(string itemId, ThreadItem item)
    {
        foreach (var (key, text) in _text.Where(t => t.Key.ItemId == itemId).ToList())
        {
            item = PendingItemUpdates.Apply(item, new AssistantMessageContentPartTextDelta(key.ContentIndex, text.ToString()));
            _text.Remove(key);
        }

        _items[itemId] = item;
        return item;
    }

    private void DropText(string itemId)
    {
        foreach (var key in _text.Keys.Where(k => k.ItemId == itemId).ToList())
        {
            _text.Remove(key);
        }
    }
}
