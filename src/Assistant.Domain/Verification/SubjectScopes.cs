using System.Text.RegularExpressions;
using Assistant.Domain.Evaluations;

namespace Assistant.Domain.Verification;

/// <summary>
/// Which parts of a report speak of something the table does not cover: a section whose heading
/// names another place or project (2.桂林市…示范项目…, （三）河池市…项目的…, 附表3 河池市…), and, inside a
/// sentence, the clauses from one that names another place on. A report on a province's table often
/// also reports its cities' projects; their numbers are out of the table's scope, neither verified nor
/// contradicted by it.
/// </summary>
internal sealed partial class SubjectScopes
{
    private readonly string _own;
    private readonly (int Start, int End, string Subject)[] _foreign;

    public SubjectScopes(string normalized, Evaluation evaluation)
        : this(normalized, OwnOf(evaluation))
    {
    }

    /// <param name="normalized">The text, normalized.</param>
    /// <param name="own">What the table names (<see cref="OwnOf"/>), made once per table.</param>
    public SubjectScopes(string normalized, string own)
    {
        _own = own;
        _foreign = Sections(normalized).ToArray();
    }

    /// <summary>
    /// What the table itself names: its title, region, department and implementer, and the names of its fund lines. A
    /// transfer table's lines are often its places (晋江市、德化县: the county shares of a city's fund, session 45), and a place
    /// the table names is never another place. (The rows' names are left out: every place test reads this text, and a hundred
    /// names made each number's check 5 % slower for rows that do not name places.)
    /// </summary>
    public static string OwnOf(Evaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        return string.Concat(evaluation.Title, evaluation.Region, evaluation.Department, evaluation.Implementer)
            + "|" + string.Join('|', evaluation.Funds.Lines.Select(l => l.Name));
    }

    /// <summary>The foreign subject the section holding <paramref name="index"/> speaks of, or null.</summary>
    public string? SectionAt(int index)
    {
        foreach ((int start, int end, string subject) in _foreign)
        {
            if (index >= start && index < end)
            {
                return subject;
            }
        }

        return null;
    }

    /// <summary>The first place or project in <paramref name="text"/> that is not the table's own, or null.</summary>
    public string? ForeignIn(string text)
    {
        foreach (Match m in Place().Matches(text))
        {
            string name = Name(m);
            if (IsPlaceName(name, m.Groups["suffix"].Value) && !_own.Contains(name + m.Groups["suffix"].Value, StringComparison.Ordinal)
                && (name.Length == 1 || !_own.Contains(name, StringComparison.Ordinal)))
            {
                return name + m.Groups["suffix"].Value;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="text"/> names the table's own region (全区, 广西, 扎兰屯市…).</summary>
    public bool OwnIn(string text)
    {
        foreach (Match m in Place().Matches(text))
        {
            string name = Name(m);
            if (IsPlaceName(name, m.Groups["suffix"].Value) && _own.Contains(name.Length == 1 ? name + m.Groups["suffix"].Value : name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The place's name: its two characters, or the last one when the first ends a date (2024年度洋县, 2024年沛县, 3月歙县: session 38,
    /// a county of one character after 年/度/月 was read as 度洋县 and never matched the table's own 洋县).
    /// </summary>
    private static string Name(Match m) => m.Groups["name"].Value;

    private static bool IsPlaceName(string name, string suffix)
    {
        if (name.Length == 1)
        {
            // A county of one character (洋县, 沛县, 歙县) only after a date, and never 全县, 本县…
            return suffix == "县" && !"全各本该我每其此市县省区乡镇在到于向为至和与及等的了是比占较".Contains(name[0], StringComparison.Ordinal);
        }

        // The character right before 市/县/州/盟/旗 and the first one rule out 全市, 各县, 城市, 超市, 完成市…
        const string notLast = "全各本该我城都超股上开县区省乡镇门集夜早菜和的个在到及等与成、于向为至入出进两一每其此级属是比占较金额数率";
        const string notFirst = "全各本该我每其此市县省区乡镇在到于向为至和与及等的了是比占较";
        return name.Length == 2 && !notLast.Contains(name[1], StringComparison.Ordinal) && !notFirst.Contains(name[0], StringComparison.Ordinal)
            && !(suffix == "州" && name[1] is '神' or '九');
    }

    private IEnumerable<(int Start, int End, string Subject)> Sections(string text)
    {
        // One open heading per level (附表 = 0, 一、 = 1, （一） = 2, 1. = 3, （1） = 4, ① = 5).
        var open = new (int Start, string? Subject)?[6];
        int lineStart = 0;
        var result = new List<(int, int, string)>();
        void Close(int level, int at)
        {
            for (int l = level; l < open.Length; l++)
            {
                if (open[l] is { Subject: { } s } o)
                {
                    result.Add((o.Start, at, s));
                }

                open[l] = null;
            }
        }

        while (lineStart < text.Length)
        {
            int lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            // Only a line whose first character after its indent can open a heading is cut out and matched (session 40).
            if (!MayOpenHeading(text.AsSpan(lineStart, lineEnd - lineStart)))
            {
                lineStart = lineEnd + 1;
                continue;
            }

            string line = text[lineStart..lineEnd];
            Match h = Heading().Match(line);
            if (h.Success)
            {
                int level = h.Groups["l0"].Success ? 0 : h.Groups["l1"].Success ? 1 : h.Groups["l2"].Success ? 2 : h.Groups["l3"].Success ? 3 : h.Groups["l4"].Success ? 4 : 5;
                Close(level, lineStart);
                string headingText = level == 0 ? TitleAfter(text, lineEnd) : FirstSentence(line[h.Length..]);
                string? subject = ForeignIn(headingText);
                open[level] = (lineStart, subject);
            }

            lineStart = lineEnd + 1;
        }

        Close(0, text.Length);
        return result;
    }

    /// <summary>Whether <see cref="Heading"/> can match <paramref name="line"/>: its first character after spaces, tabs and
    /// ideographic spaces is one a heading starts with (附, a Chinese numeral to 十, an opening bracket, a digit, ① to ⑩).</summary>
    internal static bool MayOpenHeading(ReadOnlySpan<char> line)
    {
        int at = line.IndexOfAnyExcept(' ', '\t', '\u3000');
        if (at < 0)
        {
            return false;
        }

        char c = line[at];
        return c is '附' or '（' or '(' or (>= '①' and <= '⑩') || char.IsDigit(c) || "一二三四五六七八九十".Contains(c, StringComparison.Ordinal);
    }

    private static string FirstSentence(string s)
    {
        int end = s.IndexOfAny(['。', '；', ';']);
        string first = end < 0 ? s : s[..end];
        return first.Length > 80 ? first[..80] : first;
    }

    /// <summary>An 附表's title: its next few non-empty lines.</summary>
    private static string TitleAfter(string text, int from)
    {
        int end = Math.Min(text.Length, from + 120);
        return from < end ? text[from..end] : string.Empty;
    }

    [GeneratedRegex(@"^[ \t\u3000]*(?:(?<l0>附表\s*\d*)|(?<l1>[一二三四五六七八九十]{1,3}、)|(?<l2>[（(][一二三四五六七八九十]{1,3}[)）])|(?<l3>\d{1,2}(?:[.．、](?!\d)))|(?<l4>[（(]\d{1,2}[)）])|(?<l5>[①②③④⑤⑥⑦⑧⑨⑩]))")]
    internal static partial Regex Heading();

    [GeneratedRegex(@"(?:(?<=[年度月日])(?<name>[\u4e00-\u9fa5])(?<suffix>县)|(?<name>(?![年度月])[\u4e00-\u9fa5]{2})(?<suffix>市|县|州|盟|旗))(?![场民长委直属级县区域里内外])")]
    private static partial Regex Place();
}
