namespace Acme.Logger;

/// <summary>
/// A topic's retained entries, oldest first, in a ring that grows up to the retention and then overwrites the oldest:
/// an entry is found by id with a binary search (ids increase), so a subscriber catching up after an id costs
/// O(log n) to place, not a scan.
/// </summary>
internal sealed class RetainedEntries
{
    private long[] _ids = [];
    private LogRecord[] _records = [];
    private int _head;

    /// <summary>Entries retained.</summary>
    public int Count { get; private set; }

    /// <summary>The id of the last entry evicted (0: none yet): what follows it up to the oldest retained is all here.</summary>
    public long Evicted { get; private set; }

    /// <summary>The id of the entry the next append evicts, with <paramref name="retain"/>; null when it evicts none.</summary>
    public long? NextEvicted(int retain) => Count >= retain && Count > 0 ? _ids[_head] : null;

    /// <summary>The entry at <paramref name="index"/>, 0 being the oldest retained.</summary>
    public (long Id, LogRecord Record) this[int index]
    {
        get
        {
            var slot = Slot(index);
            return (_ids[slot], _records[slot]);
        }
    }

    /// <summary>Appends an entry, evicting the oldest beyond <paramref name="retain"/>.</summary>
    public void Append(long id, LogRecord record, int retain)
    {
        if (retain < 1)
        {
            Evicted = id;
            return;
        }

        if (Count == _ids.Length && Count < retain)
        {
            Grow(Math.Min(retain, Math.Max(4, Count * 2)));
        }

        if (Count == retain)
        {
            Evicted = _ids[_head];
            _ids[_head] = id;
            _records[_head] = record;
            _head = (_head + 1) % _ids.Length;
            return;
        }

        var slot = Slot(Count);
        _ids[slot] = id;
        _records[slot] = record;
        Count++;
    }

    /// <summary>The index of the first entry whose id is above <paramref name="id"/> (<see cref="Count"/> when none is).</summary>
    public int FirstAfter(long id)
    {
        int low = 0, high = Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_ids[Slot(middle)] <= id)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>The retained records, oldest first.</summary>
    public LogRecord[] ToArray()
    {
        var records = new LogRecord[Count];
        for (var i = 0; i < Count; i++)
        {
            records[i] = _records[Slot(i)];
        }

        return records;
    }

    private int Slot(int index) => (_head + index) % _ids.Length;

    private void Grow(int capacity)
    {
        var ids = new long[capacity];
        var records = new LogRecord[capacity];
        for (var i = 0; i < Count; i++)
        {
            ids[i] = _ids[Slot(i)];
            records[i] = _records[Slot(i)];
        }

        (_ids, _records, _head) = (ids, records, 0);
    }
}
