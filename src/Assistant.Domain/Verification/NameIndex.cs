using Assistant.Domain.Numbers;

namespace Assistant.Domain.Verification;

/// <summary>
/// Indicator (or fund-line) names prepared once per fact sheet for <see cref="IndicatorNames"/>: each
/// name's core, and the names holding each run of three characters. A name can only count as named
/// by a text that shares at least three consecutive characters with it (or holds all of a name
/// shorter than three), so a text is compared only with the names its own three-character runs lead to,
/// not with every name.
/// </summary>
internal sealed class NameIndex
{
    private readonly Dictionary<ulong, int[]> _byTrigram;
    private readonly int[] _short;

    public NameIndex(IReadOnlyList<string> names)
    {
        Cores = names.Select(Core).ToArray();
        var byTrigram = new Dictionary<ulong, List<int>>();
        var shortNames = new List<int>();
        for (int i = 0; i < Cores.Length; i++)
        {
            string name = Cores[i];
            if (name.Length < 3)
            {
                shortNames.Add(i);
                continue;
            }

            for (int k = 0; k + 3 <= name.Length; k++)
            {
                ulong key = Trigram(name, k);
                if (!byTrigram.TryGetValue(key, out List<int>? list))
                {
                    byTrigram[key] = list = [];
                }

                if (list.Count == 0 || list[^1] != i)
                {
                    list.Add(i);
                }
            }
        }

        _byTrigram = byTrigram.ToDictionary(p => p.Key, p => p.Value.ToArray());
        _short = shortNames.ToArray();
    }

    /// <summary>Each name without spaces, brackets and quotes, normalised.</summary>
    public string[] Cores { get; }

    public int Count => Cores.Length;

    /// <summary>Marks every name that may share a run of three characters with <paramref name="core"/> (and every name shorter than three).</summary>
    public void Candidates(string core, bool[] marks)
    {
        foreach (int i in _short)
        {
            marks[i] = true;
        }

        for (int k = 0; k + 3 <= core.Length; k++)
        {
            if (_byTrigram.TryGetValue(Trigram(core, k), out int[]? names))
            {
                foreach (int i in names)
                {
                    marks[i] = true;
                }
            }
        }
    }

    public static string Core(string s)
    {
        string n = TextNormalizer.Normalize(s);
        var chars = n.Where(c => !char.IsWhiteSpace(c) && c is not ('(' or ')' or '（' or '）' or '“' or '”' or '"')).ToArray();
        return new string(chars);
    }

    private static ulong Trigram(string s, int at) => ((ulong)s[at] << 32) | ((ulong)s[at + 1] << 16) | s[at + 2];
}
