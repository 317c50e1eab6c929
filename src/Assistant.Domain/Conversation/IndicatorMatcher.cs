using System.Globalization;
using System.Text.RegularExpressions;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Conversation;

/// <summary>Which rows a message names: the best match, or several when they match equally (ask back).</summary>
public sealed record IndicatorMatch(IReadOnlyList<int> Indicators, bool Ambiguous)
{
    public static readonly IndicatorMatch None = new([], false);

    /// <summary>Found only through a pointer (那项) and less than one distinctive word: the question may name another item.</summary>
    public bool Weak { get; init; }

    /// <summary>
    /// Rows whose words fit the question better but which are not what it asks (a rate when it asks 人数; a row met when it asks
    /// why one fell short): the answer says which row it took instead. Empty when none was set aside.
    /// </summary>
    public IReadOnlyList<int> SetAside { get; init; } = [];

    /// <summary>The question's words the choice was made by (人数, 没完成), for the answer to name.</summary>
    public IReadOnlyList<string> Cues { get; init; } = [];
}

/// <summary>
/// Finds the indicators a message names the way staff shorten them: 第10项 / 第十项, the row's own words
/// in any order (实习生数量 → 机关事业单位实习生数量), common short forms (公益岗 → 公益性岗位, 社保 → 社会保险),
/// or a single distinctive word with a pointer (“见习那项”). Each character pair of a name counts by how
/// rare it is among the table's names; two rows that match equally are told apart by what the question
/// asks about (人数 → a count row, 钱/经费 → a money row, 率 → a rate), then by whether the question is
/// about a shortfall; if still equal the caller asks back.
/// </summary>
public static partial class IndicatorMatcher
{
    /// <summary>Short forms staff write, and what they stand for in indicator names.</summary>
    private static readonly (string Short, string Long)[] Aliases =
    [
        ("公益岗", "公益性岗位"),
        ("社保", "社会保险"),
        ("实习生", "实习人员"),
        ("见习生", "见习人员"),
        ("困难人员", "就业困难人员"),
        ("再就业", "失业人员再就业"),
        ("大师工作室", "技能大师工作室"),
        ("满意率", "满意度"),
        ("贷款", "创业担保贷款"),
        ("人数", "人员数量"),
    ];

    public static IndicatorMatch Match(string message, FactSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(sheet);
        IndicatorMatch whole = MatchOne(message, sheet);
        // A joining word inside a row's own name (实习及见习人员生活补助及意外伤害险) joins nothing.
        string[] joins = Joins.Where(j => message.Contains(j, StringComparison.Ordinal)
            && !sheet.Evaluation.Indicators.Any(i => i.Name.Contains(j, StringComparison.Ordinal))).ToArray();
        if ((whole.Indicators.Count > 1 && !whole.Ambiguous) || joins.Length == 0)
        {
            return whole;
        }

        // 老年人健康管理和高血压规范管理这两项 / 高血压那项和居民健康素养: rows named one after the other, each found on its own
        // (the best match of the whole message is only one of them). Every piece that names a row must name exactly one.
        var rows = new List<int>();
        foreach (string piece in message.Split(joins, StringSplitOptions.TrimEntries).Where(p => p.Length >= 2))
        {
            IndicatorMatch one = MatchOne(piece, sheet);
            if (one.Indicators.Count == 0)
            {
                continue;
            }

            if (one.Ambiguous || one.Weak)
            {
                return whole;
            }

            rows.Add(one.Indicators[0]);
        }

        rows = rows.Distinct().ToList();
        return rows.Count >= 2 && whole.Indicators.All(rows.Contains) ? new IndicatorMatch(rows, false) : whole;
    }

    /// <summary>Rows named one after another: 和, 与, 跟, 及, 以及, 还有, 、.</summary>
    private static readonly string[] Joins = ["以及", "还有", "和", "与", "跟", "及", "、"];

    private static IndicatorMatch MatchOne(string message, FactSheet sheet)
    {
        int count = sheet.Evaluation.Indicators.Count;
        string m = TextNormalizer.Normalize(message);
        if (Ordinal(m) is { } n)
        {
            return n >= 1 && n <= count ? new IndicatorMatch([n - 1], false) : IndicatorMatch.None;
        }

        if (count == 0)
        {
            return IndicatorMatch.None;
        }

        string[] names = sheet.Evaluation.Indicators.Select(i => Core(i.Name)).ToArray();
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string name in names)
        {
            foreach (string b in Bigrams(name).Distinct(StringComparer.Ordinal))
            {
                df[b] = df.GetValueOrDefault(b) + 1;
            }
        }

        string text = Core(Noise().Replace(m, " "));
        string expanded = Expand(text);
        var scores = new decimal[count];
        for (int i = 0; i < count; i++)
        {
            scores[i] = Math.Max(Score(names[i], text, df), Score(names[i], expanded, df));
            if (WrittenOut(names, i, text))
            {
                scores[i] += 2m; // the full name, written out
            }
        }

        if (scores.Max() == 0m && ByValues(m, sheet) is { Count: > 0 } byValues)
        {
            return new IndicatorMatch(byValues, byValues.Count > 1);
        }

        decimal best = scores.Max();
        bool pointer = Pointer().IsMatch(m);
        if (best < 1m && !(pointer && best > 0m))
        {
            // Only words several rows share (见习 in three names) but the question's own unit words (见习人数…100人, 见习的钱) fit one
            // of those rows alone (the one counted in 人, the one in 万元): that row, as a pointer (见习那项) would pick it.
            if (best > 0m && (PeopleWords().IsMatch(m) || MoneyWords().IsMatch(m) || RateWords().IsMatch(m))
                && Enumerable.Range(0, count).Where(i => scores[i] >= best - 0.0001m).ToList() is { Count: > 1 } shared
                && shared.Where(i => UnitFits(m, sheet, i)).ToList() is [int only])
            {
                return new IndicatorMatch([only], false) { Weak = true };
            }

            return IndicatorMatch.None;
        }

        var top = Enumerable.Range(0, count).Where(i => scores[i] >= best - 0.0001m).ToList();
        if (top.Count > 1)
        {
            // Equal words: a row whose every word was written wins (公益性岗位补贴 is all of one name, part of another).
            var whole = top.Where(i => WrittenOut(names, i, text) || WrittenOut(names, i, expanded)).ToList();
            if (whole.Count > 0)
            {
                top = whole;
            }
        }

        if (top.Count > 1)
        {
            top = Prefer(top, i => UnitFits(m, sheet, i));
            top = Prefer(top, i => StatusFits(m, sheet, i));
        }

        if (Kinder(m, sheet, names, text, scores, best, top) is { } kinder)
        {
            return kinder;
        }

        return new IndicatorMatch(top, top.Count > 1) { Weak = best < 1m };
    }

    /// <summary>
    /// Whether row <paramref name="row"/> is what <paramref name="asked"/> (the words a question names an item by)
    /// means: at least half of the asked name's distinctive word pairs (those not shared by several rows) are the
    /// row's, its short forms and concepts counting as the row's words they stand for (按时 for 及时率, 满意率 for
    /// 满意度). 高血糖患者管理率 is not 高血压患者规范管理率, though they share 高血, 患者 and 管理率.
    /// </summary>
    internal static bool Covers(FactSheet sheet, int row, string asked)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(asked);
        string[] names = sheet.Evaluation.Indicators.Select(i => Core(i.Name)).ToArray();
        string name = names[row];
        var pairs = Bigrams(asked).Distinct(StringComparer.Ordinal).ToList();
        var distinctive = pairs.Where(p => !Generic.Contains(p) && names.Count(n => n.Contains(p, StringComparison.Ordinal)) <= 1).ToList();
        if (distinctive.Count > 0)
        {
            pairs = distinctive;
        }

        var explained = pairs.Where(p => name.Contains(p, StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        foreach (var (s, l) in Aliases.Where(a => asked.Contains(a.Short, StringComparison.Ordinal) && name.Contains(a.Long, StringComparison.Ordinal)))
        {
            explained.UnionWith(Bigrams(s));
        }

        foreach (string[] group in Concepts.Where(g => g.Any(word => name.Contains(word, StringComparison.Ordinal))))
        {
            foreach (string word in group.Where(word => asked.Contains(word, StringComparison.Ordinal)))
            {
                explained.UnionWith(Bigrams(word));
            }
        }

        return pairs.Count > 0 && pairs.Count(explained.Contains) * 2 >= pairs.Count;
    }

    /// <summary>第N项 / 第N个指标 / 第N行 (arabic or Chinese numerals); null when the message has none.</summary>
    public static int? Ordinal(string message)
    {
        Match o = OrdinalRow().Match(TextNormalizer.Normalize(message ?? string.Empty));
        if (!o.Success)
        {
            return null;
        }

        string g = o.Groups[1].Value;
        return int.TryParse(g, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : ChineseNumber(g);
    }

    /// <summary>一 … 九十九 as an integer; null otherwise.</summary>
    public static int? ChineseNumber(string s)
    {
        const string Digits = "零一二三四五六七八九";
        if (string.IsNullOrEmpty(s))
        {
            return null;
        }

        int ten = s.IndexOf('十', StringComparison.Ordinal);
        if (ten < 0)
        {
            return s.Length == 1 && Digits.IndexOf(s[0], StringComparison.Ordinal) is var d and > 0 ? d : null;
        }

        int tens = ten == 0 ? 1 : Digits.IndexOf(s[0], StringComparison.Ordinal);
        int ones = ten == s.Length - 1 ? 0 : Digits.IndexOf(s[^1], StringComparison.Ordinal);
        return tens <= 0 || ones < 0 || s.Length > 3 ? null : tens * 10 + ones;
    }

    /// <summary>The name written out in full, and not as the start of a longer row's name (公益性岗位补贴 in 公益性岗位补贴人员).</summary>
    private static bool WrittenOut(string[] names, int i, string text)
    {
        int at = text.IndexOf(names[i], StringComparison.Ordinal);
        if (at < 0)
        {
            return false;
        }

        int end = at + names[i].Length;
        if (end >= text.Length)
        {
            return true;
        }

        string longer = names[i] + text[end];
        return !names.Where((n, k) => k != i).Any(n => n.Contains(longer, StringComparison.Ordinal));
    }

    /// <summary>Rows named by their cells instead (“效果良好对效果显著”): both the target and the actual words written.</summary>
    private static List<int> ByValues(string m, FactSheet sheet)
    {
        var rows = new List<int>();
        for (int i = 0; i < sheet.Evaluation.Indicators.Count; i++)
        {
            string t = Core(sheet.Evaluation.Indicators[i].Target ?? string.Empty), a = Core(sheet.Evaluation.Indicators[i].Actual ?? string.Empty);
            if (t.Length >= 3 && a.Length >= 3 && t != a && !t.Any(char.IsAsciiDigit) && m.Contains(t, StringComparison.Ordinal) && m.Contains(a, StringComparison.Ordinal))
            {
                rows.Add(i);
            }
        }

        return rows;
    }

    private static List<int> Prefer(List<int> rows, Func<int, bool> fits)
    {
        var kept = rows.Where(fits).ToList();
        return kept.Count > 0 ? kept : rows;
    }

    private static bool UnitFits(string m, FactSheet sheet, int i)
    {
        string unit = sheet.Find($"indicators[{i}].target")?.Unit ?? sheet.Evaluation.Indicators[i].Unit ?? string.Empty;
        if (PeopleWords().IsMatch(m))
        {
            return unit.Contains('人', StringComparison.Ordinal);
        }

        if (MoneyWords().IsMatch(m))
        {
            return unit.Contains('元', StringComparison.Ordinal);
        }

        return !RateWords().IsMatch(m) || unit == "%";
    }

    private static bool StatusFits(string m, FactSheet sheet, int i)
    {
        IndicatorStatus s = sheet.Report.Indicators[i].Status;
        if (ShortWords().IsMatch(m))
        {
            return s == IndicatorStatus.Short;
        }

        return !OverWords().IsMatch(m) || s == IndicatorStatus.Exceeded;
    }

    private static decimal Score(string name, string text, Dictionary<string, int> df)
    {
        decimal score = 0m;
        foreach (string b in Bigrams(name).Distinct(StringComparer.Ordinal))
        {
            if (!Generic.Contains(b) && text.Contains(b, StringComparison.Ordinal))
            {
                score += 1m / df[b];
            }
        }

        return score;
    }

    /// <summary>Pairs that say nothing about which row is meant.</summary>
    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal)
    {
        "数量", "人数", "人员", "指标", "完成", "情况", "比例", "资金", "补贴", "多少", "一下", "这个", "那个", "就业", "项目",
        "贴人", "员数", // across two words (补贴|人数, 人员|数量)
    };

    /// <summary>
    /// Words staff use for one idea that indicator names spell another way (工期 for 项目完工时间, 按时发放 for
    /// 发放及时率, 合格 for 验收合格率): a message holding one of a group is read as holding all of them.
    /// </summary>
    private static readonly string[][] Concepts =
    [
        ["工期", "完工", "竣工", "完成时间", "完工时间", "完成时限", "按期", "时限", "进度"],
        ["满意", "满意度", "满意率", "认可度"],
        ["及时", "及时率", "按时", "准时", "到位率"],
        ["合格", "合格率", "验收", "达标率", "质量"],
        ["覆盖", "覆盖率", "覆盖面"],
        ["参保", "参加基本医疗保险", "参加医疗保险", "参加养老保险", "医保"],
    ];

    /// <summary>Short forms written out in place (公益岗补贴人数 → 公益性岗位补贴人员数量), then the concepts' other words added.</summary>
    private static string Expand(string text)
    {
        string e = text;
        foreach (var (s, l) in Aliases)
        {
            if (e.Contains(s, StringComparison.Ordinal) && !e.Contains(l, StringComparison.Ordinal))
            {
                e = e.Replace(s, l, StringComparison.Ordinal);
            }
        }

        foreach (string[] group in Concepts)
        {
            if (group.Any(word => text.Contains(word, StringComparison.Ordinal)))
            {
                e += " " + string.Join(' ', group);
            }
        }

        return e;
    }

    internal static IEnumerable<string> Bigrams(string s)
    {
        for (int i = 0; i + 1 < s.Length; i++)
        {
            if (IsWord(s[i]) && IsWord(s[i + 1]))
            {
                yield return s.Substring(i, 2);
            }
        }
    }

    private static bool IsWord(char c) => c >= '\u4e00' && c <= '\u9fff';

    private static string Core(string s) =>
        new(TextNormalizer.Normalize(s).Where(c => !char.IsWhiteSpace(c) && c is not ('(' or ')' or '（' or '）' or '“' or '”' or '"')).ToArray());

    [GeneratedRegex(@"第\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*(?:项|个指标|条指标|个|条|行)")]
    private static partial Regex OrdinalRow();

    [GeneratedRegex("那项|这项|那个|这个|那条|这条|那行|这行|那段|这段|那一|这一|那块|一项")]
    private static partial Regex Pointer();

    [GeneratedRegex("为什么|为何|为啥|什么原因|怎么回事|没有完成|未完成|没完成|没达到|未达到|完成率|执行率|多少|扣了|扣分|帮我|起草|写一|一下|原因|措施|请问")]
    private static partial Regex Noise();

    [GeneratedRegex(@"人数|人员|多少人|几个人|个人|人次|名|\d\s*人(?!均)")]
    private static partial Regex PeopleWords();

    [GeneratedRegex("钱|万元|经费|花了|用了|支出|金额")]
    private static partial Regex MoneyWords();

    [GeneratedRegex("率|%")]
    private static partial Regex RateWords();

    [GeneratedRegex("没完成|未完成|没有完成|差了|差多少|没达|未达|不足|扣|偏低|短缺")]
    private static partial Regex ShortWords();

    [GeneratedRegex("超额|超了|超出|超过|超得")]
    private static partial Regex OverWords();
}
