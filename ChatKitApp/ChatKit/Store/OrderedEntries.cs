namespace ChatKitApp.ChatKit.Store;

/// <summary>
/// Values kept in (created_at, insertion sequence) order with lookup by id: the ordering that lets
/// cursor pagination never lose or repeat entries with equal timestamps. Not thread-safe.
/// </summary>
internal sealed class OrderedEntries<T>
{
    private readonly List<Entry> _ordered = [];
    private readonly Dictionary<string, Entry> _byId = new(StringComparer.Ordinal);

    public int Count => _ordered.Count;

    public IEnumerable<T> Values => _ordered.Select(e => e.Value);

    public bool TryGet(string id, out T value)
    {
        if (_byId.TryGetValue(id, out var entry))
        {
            value = entry.Value;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>Inserts, or replaces the value in place (its position is kept).</summary>
    public void Upsert(string id, DateTimeOffset createdAt, long sequence, T value)
    {
        if (_byId.TryGetValue(id, out var existing))
        {
            existing.Value = value;
            return;
        }

        var entry = new Entry(id, createdAt, sequence, value);
        var index = _ordered.BinarySearch(entry, EntryComparer.Instance);
        _ordered.Insert(index < 0 ? ~index : index, entry);
        _byId[id] = entry;
    }

    public bool Remove(string id)
    {
        if (!_byId.Remove(id, out var entry))
        {
            return false;
        }

        _ordered.RemoveAt(_ordered.BinarySearch(entry, EntryComparer.Instance));
        return true;
    }

    /// <summary>One page after the <paramref name="after"/> id (exclusive) in the given order.</summary>
    public (List<T> Data, bool HasMore, string? After) Page(string? after, int limit, bool ascending)
    {
        int start;
        if (after is null)
        {
            start = ascending ? 0 : _ordered.Count - 1;
        }
        else
        {
            if (!_byId.TryGetValue(after, out var cursor))
            {
                throw new NotFoundException($"Cursor '{after}' not found.");
            }

            var index = _ordered.BinarySearch(cursor, EntryComparer.Instance);
            start = ascending ? index + 1 : index - 1;
        }

        var data = new List<T>(Math.Min(limit, _ordered.Count));
        string? lastId = null;
        var step = ascending ? 1 : -1;
        var i = start;
        for (; i >= 0 && i < _ordered.Count && data.Count < limit; i += step)
        {
            data.Add(_ordered[i].Value);
            lastId = _ordered[i].Id;
        }

        var hasMore = i >= 0 && i < _ordered.Count;
        return (data, hasMore, hasMore ? lastId : null);
    }

    private sealed class Entry(string id, DateTimeOffset createdAt, long sequence, T value)
    {
        public string Id { get; } = id;

        public DateTimeOffset CreatedAt { get; } = createdAt;

        public long Sequence { get; } = sequence;

        public T Value { get; set; } = value;
    }

    private sealed class EntryComparer : IComparer<Entry>
    {
        public static EntryComparer Instance { get; } = new();

        public int Compare(Entry? x, Entry? y)
        {
            var byTime = x!.CreatedAt.CompareTo(y!.CreatedAt);
            return byTime != 0 ? byTime : x.Sequence.CompareTo(y.Sequence);
        }
    }
}
