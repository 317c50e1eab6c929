namespace Assistant.Domain.Verification;

/// <summary>
/// Finds which indicators a piece of text names, tolerating abbreviation: an indicator is named when
/// the longest run it shares with the text covers most of its name (or at least eight characters),
/// and only the best-covered indicators count. The names come prepared once per fact sheet
/// (<see cref="NameIndex"/>): the longest runs of every name come from one pass over the text that
/// visits only the name positions holding each of its characters. One instance serves one verifier
/// (not thread-safe): answers are remembered per text until <see cref="Forget"/>, as a verification
/// asks about the same clause for each of its numbers and again for its claims.
/// </summary>
internal sealed class IndicatorNames(NameIndex index)
{
    private readonly string[] _names = index.Cores;

    // Session 44: the text's core is written here (grown as needed, never cleared: only the part written is read), in place
    // of a zeroed stack buffer per answer or a rented one for a long text. One instance serves one verifier at a time.
    private char[] _core = [];
    private readonly Dictionary<string, Answer> _memo = new(StringComparer.Ordinal);

    // A name is named only with a run of three or more, or all of a name shorter than three: a text whose
    // longest run with any name is shorter than this names none.
    private readonly int _minRun = MinRun(index.Cores);

    // Every answer's named names with their runs, one after another, in an array from the shared pool
    // (emptied by Forget, handed back by Release): no array per answer, none per verification.
    private (int Index, int Score)[] _scored = [];
    private int _scoredCount;

    /// <summary>The names a text names: the best-named (ascending), and every named one with its run (ascending by name, at Offset in the scored buffer).</summary>
    private sealed record Answer(int[] Named, int Offset, int Count, int Best);

    private static readonly Answer None = new([], 0, 0, 0);

    public IndicatorNames(IReadOnlyList<string> names)
        : this(new NameIndex(names))
    {
    }

    public IReadOnlyList<int> Named(string text) => Find(text).Named;

    /// <summary>The shortest non-empty name's length, at most 3 (3 when there is none); session 36: a loop, not LINQ, as every verifier makes two.</summary>
    internal static int MinRun(string[] cores)
    {
        int min = 3;
        foreach (string c in cores)
        {
            if (c.Length > 0 && c.Length < min)
            {
                min = c.Length;
            }
        }

        return min;
    }

    /// <summary>Every indicator the text names with its run, ascending by indicator; <paramref name="best"/> the longest run.</summary>
    public ReadOnlySpan<(int Index, int Score)> Scored(string text, out int best)
    {
        Answer answer = Find(text);
        best = answer.Best;
        return _scored.AsSpan(answer.Offset, answer.Count);
    }

    /// <summary>
    /// Whether <paramref name="x"/> ranks before <paramref name="y"/> among the names a text names: the
    /// longer run first; on a tie the better-covered name, then the earlier one.
    /// </summary>
    public bool RanksBefore((int Index, int Score) x, (int Index, int Score) y)
    {
        if (x.Score != y.Score)
        {
            return x.Score > y.Score;
        }

        int cx = Coverage(x), cy = Coverage(y);
        return cx != cy ? cx > cy : x.Index < y.Index;
    }

    private int Coverage((int Index, int Score) s) => s.Score * 1000 / Math.Max(1, _names[s.Index].Length);

    /// <summary>Drops the remembered answers (a verifier calls this before each text, so memory stays bounded by one text's clauses).</summary>
    public void Forget()
    {
        _memo.Clear();
        _scoredCount = 0;
    }

    /// <summary>Forgets, and hands the answers' buffer back to the shared pool (a verifier calls this after each text).</summary>
    public void Release()
    {
        Forget();
        if (_scored.Length > 0)
        {
            System.Buffers.ArrayPool<(int, int)>.Shared.Return(_scored);
            _scored = [];
        }

        if (_core.Length > 512)
        {
            // A verifier kept for its table keeps no long text's buffer between texts (as the pooled one before session 44).
            _core = [];
        }
    }

    private Answer Find(string text)
    {
        if (!_memo.TryGetValue(text, out Answer? answer))
        {
            answer = Match(text);
            _memo[text] = answer;
        }

        return answer;
    }

    private Answer Match(string text)
    {
        if (_core.Length < text.Length)
        {
            _core = new char[Math.Max(text.Length, Math.Min(2 * _core.Length, 1 << 20))];
        }

        // As long as the text (a core is never longer).
        ReadOnlySpan<char> t = _core.AsSpan(0, NameIndex.Core(text, _core));
        index.Runs(t, _minRun, out List<int> touched, out int[] runs, out bool[] tails);
        ReadOnlySpan<int> touchedNames = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(touched);
        if (_scoredCount + touchedNames.Length > _scored.Length)
        {
            var larger = System.Buffers.ArrayPool<(int, int)>.Shared.Rent(Math.Max(Math.Max(1024, _scored.Length * 2), _scoredCount + touchedNames.Length));
            _scored.AsSpan(0, _scoredCount).CopyTo(larger);
            if (_scored.Length > 0)
            {
                System.Buffers.ArrayPool<(int, int)>.Shared.Return(_scored);
            }

            _scored = larger;
        }

        // One pass: each touched name judged, written after the answers so far if named, and the best run's
        // best-covered names counted (names sharing a prefix, 就业困难人员就业人数 / 就业困难人员帮扶率, tie on the run).
        int offset = _scoredCount;
        Span<(int Index, int Score)> room = _scored.AsSpan(offset, touchedNames.Length);
        int best = 0, named = 0, top = 0, topCount = 0;
        foreach (int i in touchedNames)
        {
            // Every rule needs a run of three or more (or all of a name shorter than three).
            int run = runs[i];
            int length = _names[i].Length;
            bool isNamed = run >= Math.Min(8, length) || (run >= 4 && run * 10 >= length * 6)
                || (tails[i] && run >= 5)
                || (run >= 3 && t.Length <= 3 * length && Subsequence(_names[i], t) is var sub && sub >= 5 && sub * 4 >= length * 3)
                || DistinctiveName.Names(_names, i, t, run);
            if (!isNamed)
            {
                continue;
            }

            room[named++] = (i, run);
            if (run < best)
            {
                // Session 44: a shorter run than the best so far changes neither the best nor its coverage (no division).
                continue;
            }

            int coverage = run * 1000 / Math.Max(1, length);
            if (run > best)
            {
                (best, top, topCount) = (run, coverage, 1);
            }
            else if (coverage > top)
            {
                (top, topCount) = (coverage, 1);
            }
            else if (coverage == top)
            {
                topCount++;
            }
        }

        if (named == 0)
        {
            return None;
        }

        _scoredCount += named;
        Span<(int Index, int Score)> scored = room[..named];
        var result = new int[topCount];
        int k = 0;
        foreach ((int i, int score) in scored)
        {
            if (score == best && best * 1000 / Math.Max(1, _names[i].Length) == top)
            {
                result[k++] = i;
            }
        }

        return new Answer(result, offset, named, best);
    }

    /// <summary>
    /// The indicators a list names, in order: "A、B和C分别…" gives A, B, C (one per item); an item that
    /// names none or several is left out, so the caller can tell the list was not fully understood.
    /// </summary>
    public IReadOnlyList<int> NamedInOrder(string text, out int items)
    {
        var parts = text.Split(['、', '，', ',', '；', ';', '和', '及'], StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p.Any(c => c >= '\u4e00' && c <= '\u9fa5')).ToList();
        var result = new List<int>();
        items = 0;
        foreach (string p in parts)
        {
            IReadOnlyList<int> n = Named(p);
            if (n.Count == 1)
            {
                items++;
                if (!result.Contains(n[0]))
                {
                    result.Add(n[0]);
                }
            }
        }

        return result;
    }

    /// <summary>
    /// How many of a name's characters the text holds in order (失业人员再就业人数 in 失业人员实现再就业11.91万人: 8),
    /// for names written with a word inserted.
    /// </summary>
    internal static int Subsequence(string name, ReadOnlySpan<char> text)
    {
        if (name.Length > 64)
        {
            return SubsequenceTable(name, text);
        }

        // Bit-parallel (Allison–Dix, Hyyrö): bit k of v is 0 where the table's row for the text so far steps up at
        // name character k; the zeros counted at the end are the table's last entry.
        ulong v = ~0UL;
        foreach (char c in text)
        {
            ulong at = 0;
            for (int k = 0; k < name.Length; k++)
            {
                if (name[k] == c)
                {
                    at |= 1UL << k;
                }
            }

            ulong u = v & at;
            v = unchecked(v + u) | (v - u);
        }

        ulong all = name.Length == 64 ? ~0UL : (1UL << name.Length) - 1;
        return name.Length - System.Numerics.BitOperations.PopCount(v & all);
    }

    /// <summary>As <see cref="Subsequence"/>, by the table of every prefix of the name against every prefix of the text.</summary>
    internal static int SubsequenceTable(string name, ReadOnlySpan<char> text)
    {
        int[]? rented = text.Length >= 256 ? System.Buffers.ArrayPool<int>.Shared.Rent(2 * (text.Length + 1)) : null;
        Span<int> buffer = rented is not null ? rented : stackalloc int[2 * (text.Length + 1)];
        buffer = buffer[..(2 * (text.Length + 1))];
        buffer.Clear();
        Span<int> prev = buffer[..(text.Length + 1)];
        Span<int> cur = buffer[(text.Length + 1)..];
        for (int i = 1; i <= name.Length; i++)
        {
            for (int j = 1; j <= text.Length; j++)
            {
                cur[j] = name[i - 1] == text[j - 1] ? prev[j - 1] + 1 : Math.Max(prev[j], cur[j - 1]);
            }

            Span<int> swap = prev;
            prev = cur;
            cur = swap;
        }

        int result = prev[text.Length];
        if (rented is not null)
        {
            System.Buffers.ArrayPool<int>.Shared.Return(rented);
        }

        return result;
    }
}
