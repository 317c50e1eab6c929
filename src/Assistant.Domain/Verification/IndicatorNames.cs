namespace Assistant.Domain.Verification;

/// <summary>
/// Finds which indicators a piece of text names, tolerating abbreviation: an indicator is named when
/// the longest run it shares with the text covers most of its name (or at least eight characters),
/// and only the best-covered indicators count. The names come prepared (<see cref="NameIndex"/>): a
/// text is compared only with the names that share a three-character run with it. Answers are kept
/// per text and shared by every verification against the same fact sheet (one instance per
/// <see cref="SheetIndex"/>): an answer depends only on the names and the text, so a clause seen
/// before — a report verified again after an edit, the same sentence in another part — is not matched
/// again. The cache is bounded (<see cref="MaxCached"/> texts; past it answers are computed, not kept).
/// </summary>
internal sealed class IndicatorNames(NameIndex index)
{
    /// <summary>Texts whose answers are kept per sheet (a long report has a few thousand clauses).</summary>
    public const int MaxCached = 20_000;

    private readonly string[] _names = index.Cores;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Answer> _cache = new(StringComparer.Ordinal);
    private int _cached;

    private sealed record Answer(IReadOnlyList<int> Named, IReadOnlyList<(int Index, int Score)> Ranked);

    public IndicatorNames(IReadOnlyList<string> names)
        : this(new NameIndex(names))
    {
    }

    /// <summary>Every indicator the text names, best-named first (for choosing among them by the number's unit).</summary>
    public IReadOnlyList<(int Index, int Score)> Ranked(string text) => Find(text).Ranked;

    public IReadOnlyList<int> Named(string text) => Find(text).Named;

    private Answer Find(string text)
    {
        if (_cache.TryGetValue(text, out Answer? hit))
        {
            return hit;
        }

        Answer answer = Match(text);

        // Counted here: ConcurrentDictionary.Count takes every lock of the dictionary.
        if (Volatile.Read(ref _cached) < MaxCached && _cache.TryAdd(text, answer))
        {
            Interlocked.Increment(ref _cached);
        }

        return answer;
    }

    private Answer Match(string text)
    {

        string t = NameIndex.Core(text);
        var marks = new bool[_names.Length];
        index.Candidates(t, marks);
        var scores = new int[_names.Length];
        var named = new List<int>();
        int best = 0;
        for (int i = 0; i < _names.Length; i++)
        {
            // A name sharing no run of three characters with the text has a run of at most two: never named.
            if (!marks[i])
            {
                continue;
            }

            (int run, bool tail) = LongestCommonRun(_names[i], t);
            bool isNamed = run >= Math.Min(8, _names[i].Length) || (run >= 4 && run * 10 >= _names[i].Length * 6)
                || (tail && run >= 5)
                || (run >= 3 && t.Length <= 3 * _names[i].Length && Subsequence(_names[i], t) is var sub && sub >= 5 && sub * 4 >= _names[i].Length * 3);
            scores[i] = isNamed ? run : 0;
            best = Math.Max(best, scores[i]);
            if (scores[i] > 0)
            {
                named.Add(i);
            }
        }

        var ranked = named
            .OrderByDescending(i => scores[i]).ThenByDescending(i => scores[i] * 1000 / Math.Max(1, _names[i].Length))
            .Select(i => (i, scores[i])).ToList();

        // Names sharing a prefix (就业困难人员就业人数 / 就业困难人员帮扶率) tie on the run: the better-covered name wins.
        IReadOnlyList<int> result = best == 0 ? [] : named.Where(i => scores[i] == best)
            .GroupBy(i => best * 1000 / Math.Max(1, _names[i].Length)).OrderByDescending(g => g.Key).First().ToList();
        return new Answer(result, ranked);
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

    /// <summary>The longest run <paramref name="a"/> shares with <paramref name="b"/>, and whether it ends <paramref name="a"/> (the head noun of a name).</summary>
    private static (int Run, bool Tail) LongestCommonRun(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return (0, false);
        }

        Span<int> buffer = b.Length < 256 ? stackalloc int[2 * (b.Length + 1)] : new int[2 * (b.Length + 1)];
        buffer.Clear();
        Span<int> prev = buffer[..(b.Length + 1)];
        Span<int> cur = buffer[(b.Length + 1)..];
        int best = 0;
        bool tail = false;
        for (int i = 1; i <= a.Length; i++)
        {
            char ai = a[i - 1];
            for (int j = 1; j <= b.Length; j++)
            {
                cur[j] = ai == b[j - 1] ? prev[j - 1] + 1 : 0;
                if (cur[j] > best || (cur[j] == best && i == a.Length && cur[j] > 0))
                {
                    best = cur[j];
                    tail = i == a.Length;
                }
            }

            Span<int> swap = prev;
            prev = cur;
            cur = swap;
        }

        return (best, tail);
    }

    /// <summary>
    /// How many of a name's characters the text holds in order (失业人员再就业人数 in 失业人员实现再就业11.91万人: 8),
    /// for names written with a word inserted.
    /// </summary>
    private static int Subsequence(string name, string text)
    {
        var prev = new int[text.Length + 1];
        var cur = new int[text.Length + 1];
        for (int i = 1; i <= name.Length; i++)
        {
            for (int j = 1; j <= text.Length; j++)
            {
                cur[j] = name[i - 1] == text[j - 1] ? prev[j - 1] + 1 : Math.Max(prev[j], cur[j - 1]);
            }

            (prev, cur) = (cur, prev);
        }

        return prev[text.Length];
    }
}
