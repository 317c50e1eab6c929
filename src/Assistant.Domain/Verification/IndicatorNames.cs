using Assistant.Domain.Numbers;

namespace Assistant.Domain.Verification;

/// <summary>
/// Finds which indicators a piece of text names, tolerating abbreviation: an indicator is named when
/// the longest run it shares with the text covers most of its name (or at least eight characters),
/// and only the best-covered indicators count.
/// </summary>
internal sealed class IndicatorNames(IReadOnlyList<string> names)
{
    private readonly string[] _names = names.Select(Core).ToArray();
    private readonly Dictionary<string, IReadOnlyList<int>> _cache = new(StringComparer.Ordinal);

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
            int run = LongestCommonRun(_names[i], t);
            bool named = run >= Math.Min(8, _names[i].Length) || (run >= 4 && run * 10 >= _names[i].Length * 6);
            scores[i] = named ? run : 0;
            best = Math.Max(best, scores[i]);
        }

        IReadOnlyList<int> result = best == 0 ? [] : Enumerable.Range(0, _names.Length).Where(i => scores[i] == best).ToList();
        _cache[text] = result;
        return result;
    }

    private static string Core(string s)
    {
        string n = TextNormalizer.Normalize(s);
        var chars = n.Where(c => !char.IsWhiteSpace(c) && c is not ('(' or ')' or '（' or '）' or '“' or '”' or '"')).ToArray();
        return new string(chars);
    }

    private static int LongestCommonRun(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        int best = 0;
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : 0;
                best = Math.Max(best, cur[j]);
            }

            (prev, cur) = (cur, prev);
        }

        return best;
    }
}
