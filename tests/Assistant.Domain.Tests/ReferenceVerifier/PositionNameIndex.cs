// Frozen copy of src/Assistant.Domain/Verification/NameIndex.cs at session 25 (names indexed by character position),
// the reference NameIndexTests compares the prefix-tree index of session 26 against.
using Assistant.Domain.Numbers;
using Assistant.Domain.Verification;

namespace Assistant.Domain.Tests.ReferenceVerifier;

/// <summary>
/// Indicator (or fund-line) names prepared once per fact sheet for <see cref="IndicatorNames"/>: each
/// name's core, and where each character occurs in the names. The longest run a text shares with
/// every name is found in one pass over the text that visits only the name positions holding the
/// text's character (<see cref="Runs"/>): the work is the number of matching character pairs, not
/// text length × the length of every name, and a name sharing no character is never visited.
/// </summary>
internal sealed class PositionNameIndex
{
    /// <summary>The name each position of the concatenated names belongs to.</summary>
    private readonly int[] _nameAt;

    /// <summary>Each name's first position in the concatenated names.</summary>
    private readonly int[] _start;

    /// <summary>For each character, the positions in the concatenated names holding it, descending.</summary>
    private readonly Dictionary<char, int[]> _at;

    [ThreadStatic]
    private static Scratch? _scratch;

    public PositionNameIndex(IReadOnlyList<string> names)
    {
        Cores = names.Select(NameIndex.Core).ToArray();
        _start = new int[Cores.Length];
        int total = 0;
        for (int i = 0; i < Cores.Length; i++)
        {
            _start[i] = total;
            total += Cores[i].Length;
        }

        _nameAt = new int[total];
        var at = new Dictionary<char, List<int>>();
        for (int i = 0; i < Cores.Length; i++)
        {
            for (int p = 0; p < Cores[i].Length; p++)
            {
                int g = _start[i] + p;
                _nameAt[g] = i;
                if (!at.TryGetValue(Cores[i][p], out List<int>? list))
                {
                    at[Cores[i][p]] = list = [];
                }

                list.Add(g);
            }
        }

        _at = at.ToDictionary(p => p.Key, p => Enumerable.Reverse(p.Value).ToArray());
    }

    /// <summary>Each name without spaces, brackets and quotes, normalised.</summary>
    public string[] Cores { get; }

    public int Count => Cores.Length;

    /// <summary>
    /// For every name sharing a character with <paramref name="text"/> (a core): the longest run it
    /// shares with the text, and whether a run that long ends the name (its head noun). The names come
    /// in <paramref name="touched"/>, ascending; their runs and tails in <paramref name="best"/> and
    /// <paramref name="tail"/>, indexed by name (entries of names not touched mean nothing). All three
    /// are this thread's work arrays: valid until its next call.
    /// </summary>
    public void Runs(ReadOnlySpan<char> text, out List<int> touched, out int[] best, out bool[] tail)
    {
        Scratch s = _scratch ??= new Scratch();
        int stamp = s.Begin(_nameAt.Length, Cores.Length, text.Length);
        (touched, best, tail) = (s.Touched, s.Best, s.Tail);
        int[] endAt = s.EndAt, run = s.Run, seen = s.Seen, tailRun = s.TailRun;
        for (int j = 0; j < text.Length; j++)
        {
            if (!_at.TryGetValue(text[j], out int[]? positions))
            {
                continue;
            }

            // Descending, so a position's predecessor still holds its run from the previous character.
            foreach (int g in positions)
            {
                int i = _nameAt[g];
                int r = g > _start[i] && endAt[g - 1] == stamp + j ? run[g - 1] + 1 : 1;
                endAt[g] = stamp + j + 1;
                run[g] = r;
                if (seen[i] != stamp)
                {
                    seen[i] = stamp;
                    best[i] = 0;
                    tailRun[i] = 0;
                    touched.Add(i);
                }

                if (r > best[i])
                {
                    best[i] = r;
                }

                if (g == _start[i] + Cores[i].Length - 1 && r > tailRun[i])
                {
                    tailRun[i] = r;
                }
            }
        }

        if (touched.Count * 8 > Cores.Length)
        {
            // Most names touched: reading them off in order is cheaper than sorting.
            touched.Clear();
            for (int i = 0; i < Cores.Length; i++)
            {
                if (seen[i] == stamp)
                {
                    touched.Add(i);
                }
            }
        }
        else
        {
            touched.Sort();
        }

        foreach (int i in touched)
        {
            tail[i] = best[i] > 0 && tailRun[i] == best[i];
        }
    }

    /// <summary>
    /// Per-thread work arrays: a position's entries are valid only when stamped by the current call
    /// (each call's stamps lie above every earlier call's), so nothing is cleared between calls.
    /// </summary>
    private sealed class Scratch
    {
        private int _next = 1;

        public int[] EndAt { get; private set; } = [];

        public int[] Run { get; private set; } = [];

        public int[] Seen { get; private set; } = [];

        public int[] TailRun { get; private set; } = [];

        public int[] Best { get; private set; } = [];

        public bool[] Tail { get; private set; } = [];

        public List<int> Touched { get; } = [];

        public int Begin(int positions, int names, int textLength)
        {
            Touched.Clear();
            if (EndAt.Length < positions)
            {
                EndAt = new int[Math.Max(positions, EndAt.Length * 2)];
                Run = new int[EndAt.Length];
                _next = 1;
                Array.Clear(Seen);
            }

            if (Seen.Length < names)
            {
                Seen = new int[Math.Max(names, Seen.Length * 2)];
                TailRun = new int[Seen.Length];
                Best = new int[Seen.Length];
                Tail = new bool[Seen.Length];
                _next = 1;
                Array.Clear(EndAt);
            }

            if (_next > int.MaxValue - textLength - 2)
            {
                Array.Clear(EndAt);
                Array.Clear(Seen);
                _next = 1;
            }

            int stamp = _next;
            _next += textLength + 2;
            return stamp;
        }
    }
}
