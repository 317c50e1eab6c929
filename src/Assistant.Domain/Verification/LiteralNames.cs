using System.Buffers;

namespace Assistant.Domain.Verification;

/// <summary>
/// A few names taken literally (the indicator names holding a digit: 0-6岁儿童健康管理率, 合成指标12), prepared once
/// per sheet to find every occurrence of every one of them in a text in one pass: the characters they begin with,
/// to skip to the places one may start, and a tree of their characters walked from each such place.
/// </summary>
internal sealed class LiteralNames
{
    private readonly SearchValues<char> _first;

    // The tree's edges (node, next character) → child, in an open-addressed table (session 45, in place of a dictionary of
    // tuples: a fresh sheet's preparation built it for every verification): slot by a multiplicative hash of the key, then the
    // next slots in turn; doubled when half full, so at least half the slots are empty. A key is stored plus one, so 0 marks
    // an empty slot.
    private long[] _keys = new long[16];
    private int[] _next = new int[16];
    private int _shift = 64 - 4;

    // Per node of the tree (0 is the root): whether one of the names ends there.
    private readonly bool[] _ends;

    public LiteralNames(IReadOnlyList<string> names)
    {
        Names = names;
        int chars = 0;
        var first = new List<char>();
        foreach (string name in names)
        {
            chars += name.Length;
            if (name.Length > 0 && !first.Contains(name[0]))
            {
                first.Add(name[0]);
            }
        }

        var ends = new bool[chars + 1];
        int nodes = 1;
        foreach (string name in names)
        {
            int node = 0;
            foreach (char c in name)
            {
                long key = ((long)node << 16) | c;
                int slot = Find(key);
                if (_keys[slot] == 0)
                {
                    (_keys[slot], _next[slot]) = (key + 1, nodes++);
                    if (2 * nodes > _keys.Length)
                    {
                        Grow();
                        slot = Find(key);
                    }
                }

                node = _next[slot];
            }

            // An empty name ends at the root, which no walk reports: it occurs nowhere.
            ends[node] = true;
        }

        _ends = nodes == ends.Length ? ends : ends[..nodes];
        _first = SearchValues.Create(first.ToArray());
    }

    /// <summary>The slot holding <paramref name="key"/>, or the empty slot where it would go.</summary>
    private int Find(long key)
    {
        int slot = Slot(key);
        while (_keys[slot] != 0 && _keys[slot] != key + 1)
        {
            slot = (slot + 1) & (_keys.Length - 1);
        }

        return slot;
    }

    private void Grow()
    {
        long[] keys = _keys;
        int[] next = _next;
        _keys = new long[keys.Length * 2];
        _next = new int[keys.Length * 2];
        _shift--;
        for (int k = 0; k < keys.Length; k++)
        {
            if (keys[k] != 0)
            {
                int slot = Find(keys[k] - 1);
                (_keys[slot], _next[slot]) = (keys[k], next[k]);
            }
        }
    }

    private int Slot(long key) => (int)unchecked(((ulong)key * 0x9E3779B97F4A7C15UL) >> _shift);

    /// <summary>The child of <paramref name="node"/> by <paramref name="c"/>, or −1.</summary>
    private int Child(int node, char c)
    {
        long key = (((long)node << 16) | c) + 1;
        for (int slot = Slot(key - 1); ; slot = (slot + 1) & (_keys.Length - 1))
        {
            long k = _keys[slot];
            if (k == key)
            {
                return _next[slot];
            }

            if (k == 0)
            {
                return -1;
            }
        }
    }

    public IReadOnlyList<string> Names { get; }

    /// <summary>
    /// Adds every occurrence of every name in <paramref name="text"/> (overlapping ones too) to <paramref name="found"/>
    /// as start × 2³² + end, ascending: by start, and by end for one start.
    /// </summary>
    public void FindAll(ReadOnlySpan<char> text, List<long> found)
    {
        for (int from = 0; from < text.Length;)
        {
            int skip = text[from..].IndexOfAny(_first);
            if (skip < 0)
            {
                return;
            }

            int at = from + skip;
            int node = 0;
            for (int k = at; k < text.Length && (node = Child(node, text[k])) >= 0; k++)
            {
                if (_ends[node])
                {
                    found.Add(((long)at << 32) | (uint)(k + 1));
                }
            }

            from = at + 1;
        }
    }
}
