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
    private readonly Dictionary<(int Node, char Next), int> _child = [];

    // Per node of the tree (0 is the root): whether one of the names ends there.
    private readonly List<bool> _ends = [false];

    public LiteralNames(IReadOnlyList<string> names)
    {
        Names = names;
        foreach (string name in names)
        {
            int node = 0;
            foreach (char c in name)
            {
                if (!_child.TryGetValue((node, c), out int next))
                {
                    next = _ends.Count;
                    _ends.Add(false);
                    _child[(node, c)] = next;
                }

                node = next;
            }

            // An empty name ends at the root, which no walk reports: it occurs nowhere.
            _ends[node] = true;
        }

        _first = SearchValues.Create(names.Where(n => n.Length > 0).Select(n => n[0]).Distinct().ToArray());
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
            for (int k = at; k < text.Length && _child.TryGetValue((node, text[k]), out node); k++)
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
