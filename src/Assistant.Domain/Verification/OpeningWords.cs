using System.Text.RegularExpressions;
using Assistant.Domain.Evaluations;

namespace Assistant.Domain.Verification;

/// <summary>
/// The words that open a report's sentence by naming the table itself (session 38, probe 38 #1):
/// <c>2024年度洋县乡村振兴局中央财政衔接推进乡村振兴补助资金全年预算数…</c>, <c>沂南县2024年高标准农田建设项目全年执行数…</c>,
/// <c>2024年六安市农村公路全年执行数…</c> — the year, the table's own places (its region and their stems), its department and its
/// programme title (or the title's core: without the year, the source words, a trailing 项目/资金, or the words in its brackets),
/// in any order, at the start of a clause. They name this table, so they are no subject of the clause's own: they are blanked out
/// (every other character keeps its place) before the clauses are read, and the figures after them are checked as the table's.
/// A run is blanked only when it holds the title (or its core) or the department, together with the year, a place or the department.
/// </summary>
internal static partial class OpeningWords
{
    private const char Blank = '\u3000';

    private enum Piece
    {
        Year,
        Place,
        Department,
        Title,
    }

    /// <summary>The names of <paramref name="evaluation"/> that may open a sentence, longest first, each with its kind.</summary>
    public static IReadOnlyList<(string Text, int Kind)> Names(Evaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var names = new Dictionary<string, Piece>(StringComparer.Ordinal);
        void Add(string? s, Piece kind)
        {
            // Matched against the normalized text: （农村公路） there reads (农村公路).
            s = s is null ? null : Assistant.Domain.Numbers.TextNormalizer.Normalize(s).Trim();
            if (!string.IsNullOrEmpty(s) && s.Length >= 2 && (!names.TryGetValue(s, out Piece had) || had < kind))
            {
                names[s] = kind;
            }
        }

        foreach (string place in Places(evaluation.Region).Concat(Places(evaluation.Department)))
        {
            Add(place, Piece.Place);
        }

        if (!string.IsNullOrWhiteSpace(evaluation.Department))
        {
            string department = evaluation.Department.Trim();
            Add(department, Piece.Department);
            // 衢州市柯城区教育局 → 柯城区教育局, 教育局: the department after its places.
            foreach (Match m in PlaceSuffix().Matches(department))
            {
                string rest = department[(m.Index + m.Length)..];
                if (rest.Length >= 3)
                {
                    Add(rest, Piece.Department);
                }
            }
        }

        if (ProgrammeTitle.Name(evaluation.Title) is { } title)
        {
            foreach (string core in TitleCores(title))
            {
                Add(core, Piece.Title);
            }
        }

        return [.. names.OrderByDescending(n => n.Key.Length).ThenBy(n => n.Key, StringComparer.Ordinal).Select(n => (n.Key, (int)n.Value))];
    }

    /// <summary>
    /// <paramref name="normalized"/> with each clause-opening run of the table's own names blanked out, or the text itself when
    /// no clause opens so.
    /// </summary>
    public static string Blanked(string normalized, IReadOnlyList<(string Text, int Kind)> names)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count == 0)
        {
            return normalized;
        }

        char[]? chars = null;
        int start = 0;
        while (start < normalized.Length)
        {
            int at = start;
            while (at < normalized.Length && normalized[at] is ' ' or '\t' or '\u3000')
            {
                at++;
            }

            int end = Run(normalized, at, names);
            if (end > at)
            {
                chars ??= normalized.ToCharArray();
                for (int k = at; k < end; k++)
                {
                    chars[k] = Blank;
                }
            }

            int next = normalized.AsSpan(Math.Max(end, at)).IndexOfAny(ClauseEnds);
            if (next < 0)
            {
                break;
            }

            start = Math.Max(end, at) + next + 1;
        }

        return chars is null ? normalized : new string(chars);
    }

    private static readonly System.Buffers.SearchValues<char> ClauseEnds = System.Buffers.SearchValues.Create("。！？；;，,：:\n");

    /// <summary>The end of the run of own names opening at <paramref name="at"/>, or <paramref name="at"/> when none qualifies.</summary>
    private static int Run(string text, int at, IReadOnlyList<(string Text, int Kind)> names)
    {
        int end = at;
        bool year = false, place = false, department = false, title = false;
        while (end < text.Length)
        {
            // The pattern is tried only where a year can start (a digit or a Chinese numeral; session 40).
            if (MayStartYear(text[end]) && Year().Match(text, end) is { Success: true } y)
            {
                year = true;
                end += y.Length;
                continue;
            }

            int found = -1;
            for (int n = 0; n < names.Count; n++)
            {
                (string name, int kind) = names[n];
                if (string.CompareOrdinal(text, end, name, 0, name.Length) == 0)
                {
                    found = kind;
                    end += name.Length;
                    break;
                }
            }

            if (found < 0)
            {
                break;
            }

            switch ((Piece)found)
            {
                case Piece.Place: place = true; break;
                case Piece.Department: department = true; break;
                case Piece.Title: title = true; break;
            }
        }

        // The run must name the programme or the department together with a year or a place (a title core alone may be the start of a
        // row's name, 基本公共卫生服务水平, or another unit's subsidy of that name); and be followed by more words.
        bool names_ = (title && (year || place || department)) || (department && (year || place));
        return names_ && end < text.Length && end > at ? end : at;
    }

    /// <summary>Whether <see cref="Year"/> can start at <paramref name="c"/>: a digit or a Chinese numeral of a year.</summary>
    internal static bool MayStartYear(char c) => char.IsDigit(c) || "二〇零一三四五六七八九".Contains(c, StringComparison.Ordinal);

    /// <summary>陕西省汉中市洋县 → 陕西省, 陕西, 汉中市, 汉中, 洋县 (a stem of one character is no name by itself).</summary>
    private static IEnumerable<string> Places(string? region)
    {
        if (string.IsNullOrWhiteSpace(region))
        {
            yield break;
        }

        int from = 0;
        foreach (Match m in PlaceSuffix().Matches(region))
        {
            string whole = region[from..(m.Index + m.Length)].Trim();
            from = m.Index + m.Length;
            if (whole.Length < 2)
            {
                continue;
            }

            yield return whole;
            string stem = whole[..^m.Length];
            if (stem.Length >= 2)
            {
                yield return stem;
            }
        }
    }

    /// <summary>车辆购置税收入补助地方资金（农村公路） → itself, 车辆购置税收入补助地方资金, 农村公路; 高标准农田建设项目 → 高标准农田建设.</summary>
    private static IEnumerable<string> TitleCores(string title)
    {
        var cores = new List<string> { title };
        string plain = Brackets().Replace(title, string.Empty);
        cores.Add(plain);
        foreach (Match b in Brackets().Matches(title))
        {
            cores.Add(b.Groups["inner"].Value);
        }

        foreach (string c in cores.ToArray())
        {
            string unsourced = Source().Replace(c, string.Empty);
            cores.Add(unsourced);
            foreach (string s in new[] { c, unsourced })
            {
                if (s.EndsWith("项目", StringComparison.Ordinal) || s.EndsWith("资金", StringComparison.Ordinal))
                {
                    cores.Add(s[..^2]);
                }
            }
        }

        return cores.Where(c => c.Length >= 4).Distinct(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"自治区|自治州|自治县|省|市|县|区|州|盟|旗")]
    private static partial Regex PlaceSuffix();

    [GeneratedRegex(@"[（(](?<inner>[^）)]{2,})[）)]")]
    private static partial Regex Brackets();

    [GeneratedRegex(@"^(?:中央财政|中央|省级财政|省级|省财政|自治区|市级|县级|区级)")]
    private static partial Regex Source();

    [GeneratedRegex(@"\G(?:\d{4}|[二〇零一二三四五六七八九]{4})\s*年度?")]
    internal static partial Regex Year();
}
