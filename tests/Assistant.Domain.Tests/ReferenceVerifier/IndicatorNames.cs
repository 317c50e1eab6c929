// Frozen copy of src/Assistant.Domain/Verification/IndicatorNames.cs before issue 21 (the reference the golden and property tests compare against).
using Assistant.Domain.Verification;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Tests.ReferenceVerifier;

/// <summary>
/// Finds which indicators a piece of text names, tolerating abbreviation: an indicator is named when
/// the longest run it shares with the text covers most of its name (or at least eight characters),
/// and only the best-covered indicators count.
/// </summary>
internal sealed class IndicatorNames(IReadOnlyList<string> names)
{
    private readonly string[] _names = names.Select(Core).ToArray();
    private readonly Dictionary<string, IReadOnlyList<int>> _cache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<(int Index, int Score)>> _ranked = new(StringComparer.Ordinal);

    /// <summary>Every indicator the text names, best-named first (for choosing among them by the number's unit).</summary>
    public IReadOnlyList<(int Index, int Score)> Ranked(string text)
    {
        Named(text);
        return _ranked.GetValueOrDefault(text, []);
    }

    public IReadOnlyList<int> Named(string text)
    {
        if (_cache.TryGetValue(text, out IReadOnlyList<int>? hit))
        {
            return hit;
        }

        string t = Core(text);
        var scores = new int[_names.Length];
        int best = 0;
        for (int i = 0; i < _names.Length; i++)
        {
            (int run, bool tail) = LongestCommonRun(_names[i], t);
            bool named = run >= Math.Min(8, _names[i].Length) || (run >= 4 && run * 10 >= _names[i].Length * 6)
                || (tail && run >= 5)
                || (run >= 3 && t.Length <= 3 * _names[i].Length && Subsequence(_names[i], t) is var sub && sub >= 5 && sub * 4 >= _names[i].Length * 3)
                // Session 35: a run no other name holds, followed by the words that open a row's figure.
                || DistinctiveName.Names(_names, i, t, run);
            scores[i] = named ? run : 0;
            best = Math.Max(best, scores[i]);
        }

        _ranked[text] = Enumerable.Range(0, _names.Length).Where(i => scores[i] > 0)
            .OrderByDescending(i => scores[i]).ThenByDescending(i => scores[i] * 1000 / Math.Max(1, _names[i].Length))
            .Select(i => (i, scores[i])).ToList();

        // Names sharing a prefix (就业困难人员就业人数 / 就业困难人员帮扶率) tie on the run: the better-covered name wins.
        IReadOnlyList<int> result = best == 0 ? [] : Enumerable.Range(0, _names.Length).Where(i => scores[i] == best)
            .GroupBy(i => best * 1000 / Math.Max(1, _names[i].Length)).OrderByDescending(g => g.Key).First().ToList();
        _cache[text] = result;
        return result;
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

    private static string Core(string s)
    {
        string n = TextNormalizer.Normalize(s);
        var chars = n.Where(c => !char.IsWhiteSpace(c) && c is not ('(' or ')' or '（' or '）' or '“' or '”' or '"')).ToArray();
        return new string(chars);
    }

    /// <summary>The longest run <paramref name="a"/> shares with <paramref name="b"/>, and whether it ends <paramref name="a"/> (the head noun of a name).</summary>
    private static (int Run, bool Tail) LongestCommonRun(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return (0, false);
        }

        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        int best = 0;
        bool tail = false;
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : 0;
                if (cur[j] > best || (cur[j] == best && i == a.Length && cur[j] > 0))
                {
                    best = cur[j];
                    tail = i == a.Length;
                }
            }

            (prev, cur) = (cur, prev);
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
