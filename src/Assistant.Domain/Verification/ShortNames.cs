using System.Text.RegularExpressions;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Verification;

/// <summary>
/// Session 39 (probe 38 §3): a 完成率 whose sentence names its row by a short form (全年发放小额信贷10500万元，…，完成率为88.5% for
/// 脱贫人口小额信贷贷款额; 危桥改造29座，完成率… for 农村公路危桥改造数量). The sentence's subject — the words before its first number,
/// without the time and verb words that open it (全年发放, 累计完成) — is a run of three or more characters that one row's name
/// holds and no other's. The rate is that row's 完成率: verified when it prints as such, contradicted otherwise. Asked only of a
/// rate the verifier would otherwise leave out of scope. Shared by the verifier and the reference the tests keep.
/// </summary>
internal static partial class ShortNames
{
    public static CheckedMention? Completion(FactSheet sheet, Mention m, PrintedNumber number, string sentenceBefore, Func<Mention, PrintedNumber, decimal, bool> matches)
    {
        if (m.Unit.Base != "%" || !RateBefore().IsMatch(sentenceBefore))
        {
            return null;
        }

        Match subject = Subject().Match(sentenceBefore);
        if (!subject.Success)
        {
            return null;
        }

        // 全年改造危桥15座，完成率…: of two rows holding 危桥 and 改造, the one whose unit the sentence's first number is written in.
        string words = subject.Groups["s"].Value;
        string unit = FirstUnit().Match(sentenceBefore, subject.Index + subject.Length - 1) is { Success: true } u ? u.Groups["u"].Value : string.Empty;
        bool known = unit.Length > 0 && sheet.Evaluation.Indicators.Any(i => (i.Unit ?? string.Empty).Trim() == unit);
        bool Fits(int i) => !known || (sheet.Evaluation.Indicators[i].Unit ?? string.Empty).Trim() == unit;
        if ((RowOf(sheet, words) ?? VerbAndNoun(sheet, words, Fits) ?? AllCharacters(sheet, words, Fits)) is not { } row
            || sheet.Find($"indicators[{row}].completion") is not { } fact)
        {
            return null;
        }

        return matches(m, number, fact.Value)
            ? new CheckedMention(m, Verdict.Verified, fact.Id, null)
            : new CheckedMention(m, Verdict.Contradicted, fact.Id, $"“{sheet.Evaluation.Indicators[row].Name.Trim()}”的完成率为{fact.Text}");
    }

    /// <summary>
    /// 全年培训管护人员381名 (row 管护人员培训人数), 带动就业脱贫人口1262人 (row 带动脱贫人口就业人数): a count whose sentence names its
    /// row with the words in another order. The subject (four characters or more, without its opening time and verb words) is
    /// written with characters every one of which one row's name holds — among the rows with a 指标值 or 完成值 in the number's
    /// unit (人, 名 and 位 alike; a bare number the unit the text writes after it, 38340平方米) — and no other's. The count is that
    /// row's 完成值 (or 指标值) when it prints as one, contradicted citing the 完成值 when it is neither. Session 40: also asked of a
    /// number whose clause names rows none of which has a figure in its unit (带动就业脱贫人口 names 带动脱贫人口增收, in 万元), and
    /// the row is chosen among those of the number's unit (全年改造危桥16座: 危桥改造数量, not 危桥改造单座平均造价 in 万元/座).
    /// </summary>
    public static CheckedMention? Reordered(FactSheet sheet, Mention m, PrintedNumber number, string sentenceBefore, string after, IReadOnlyList<int> named, Func<Mention, PrintedNumber, decimal, bool> matches)
    {
        // The sentence's first number is this one: its subject is all the words before it. A digit before it (a number
        // earlier in the sentence) means it is not, and is found without the pattern (and without its copy of the words).
        if (m.Unit.Base == "%" || sentenceBefore.Length < 4 || sentenceBefore.AsSpan().IndexOfAnyInRange('0', '9') >= 0)
        {
            return null;
        }

        Match subject = Subject().Match(sentenceBefore + "0");
        if (!subject.Success || subject.Index + subject.Length != sentenceBefore.Length + 1 || subject.Groups["s"].Length < 4)
        {
            return null;
        }

        SheetIndex index = SheetIndex.For(sheet);
        foreach (int i in named)
        {
            if (OfUnit(index, i, m, after) is not null)
            {
                // A row the clause names has figures of this unit: the ordinary checks judge the number against them.
                return null;
            }
        }

        string words = subject.Groups["s"].Value;
        var names = sheet.Evaluation.Indicators;
        int row = -1;
        for (int i = 0; i < names.Count; i++)
        {
            if (HoldsAll(names[i].Name, words) && OfUnit(index, i, m, after) is not null)
            {
                if (row >= 0)
                {
                    return null;
                }

                row = i;
            }
        }

        if (row < 0)
        {
            return null;
        }

        Candidate? actual = null;
        foreach (Candidate c in index.OfIndicator(row))
        {
            if (c.Measure is not ("actual" or "target") || !UnitFits(c, m, after))
            {
                continue;
            }

            if (matches(m, number, c.InMentionUnits(m.Unit).Value))
            {
                return new CheckedMention(m, Verdict.Verified, c.Fact.Id, null);
            }

            actual ??= c.Measure == "actual" ? c : null;
        }

        return actual is null ? null : new CheckedMention(m, Verdict.Contradicted, actual.Fact.Id, Verifier.RowFactNote(sheet, actual.Fact, row));
    }

    /// <summary>The row's first 指标值 or 完成值 in the number's unit, or null.</summary>
    private static Candidate? OfUnit(SheetIndex index, int row, Mention m, string after)
    {
        foreach (Candidate c in index.OfIndicator(row))
        {
            if (c.Measure is "actual" or "target" && UnitFits(c, m, after))
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>
    /// The fact's unit is the number's: the same base (人, 名 and 位 alike), or — for a bare number, as the text's 平方米, 公里 and
    /// 吨 are not read as units — the fact's unit written right after the number.
    /// </summary>
    private static bool UnitFits(Candidate c, Mention m, string after)
    {
        if (m.Unit.Base.Length > 0)
        {
            return c.Unit.Base == m.Unit.Base || Verifier.SamePersons(m.Unit.Base, c.Unit.Base);
        }

        string unit = c.Unit.Base;
        return m.Unit.Magnitude.Length == 0 && c.Unit.Magnitude.Length == 0 && unit.Length > 0 && unit != "%"
            && after.AsSpan().TrimStart().StartsWith(unit, StringComparison.Ordinal);
    }

    private static bool HoldsAll(string name, string words)
    {
        foreach (char ch in words)
        {
            if (!name.Contains(ch, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// 改造危桥 (row 危桥改造数量), 维修校舍 (row 校舍维修面积), 改造危房 (row 农村危房改造户数): a subject of a verb and a noun of two
    /// characters, written in either order, that one row's name holds both of, and no other's. Null otherwise, or for a noun that
    /// names nothing in particular (资金, 项目, 任务…).
    /// </summary>
    internal static int? VerbAndNoun(FactSheet sheet, string words, Func<int, bool> fits)
    {
        if (words.Length is < 4 or > 6)
        {
            return null;
        }

        foreach (string verb in Verbs)
        {
            string? noun = words.StartsWith(verb, StringComparison.Ordinal) ? words[verb.Length..]
                : words.EndsWith(verb, StringComparison.Ordinal) ? words[..^verb.Length] : null;
            if (noun is null || noun.Length < 2 || GenericNouns.Contains(noun))
            {
                continue;
            }

            int? found = null;
            var indicators = sheet.Evaluation.Indicators;
            for (int i = 0; i < indicators.Count; i++)
            {
                string name = indicators[i].Name;
                if (name.Contains(noun, StringComparison.Ordinal) && name.Contains(verb, StringComparison.Ordinal) && fits(i))
                {
                    if (found is not null)
                    {
                        return null;
                    }

                    found = i;
                }
            }

            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>The one row (of those <paramref name="fits"/> allows) whose name holds every character of the words (four or more), as <see cref="Reordered"/> reads a count's subject.</summary>
    internal static int? AllCharacters(FactSheet sheet, string words, Func<int, bool> fits)
    {
        if (words.Length < 4)
        {
            return null;
        }

        int? found = null;
        var indicators = sheet.Evaluation.Indicators;
        for (int i = 0; i < indicators.Count; i++)
        {
            if (HoldsAll(indicators[i].Name, words) && fits(i))
            {
                if (found is not null)
                {
                    return null;
                }

                found = i;
            }
        }

        return found;
    }

    private static readonly string[] Verbs =
    [
        "改造", "维修", "新建", "建设", "培训", "发放", "购置", "修缮", "改建", "新增", "实施", "救助", "资助", "补助", "安置", "吸纳",
        "带动", "筛查", "检测", "整治", "治理", "种植", "配备", "开展", "举办", "慰问", "走访", "招募", "选聘", "转移", "接待", "建成",
        "修复", "加固", "硬化", "铺设", "安装", "采购", "惠及", "覆盖", "管护", "养护", "提供", "服务",
    ];

    private static readonly HashSet<string> GenericNouns = new(StringComparer.Ordinal) { "资金", "项目", "任务", "指标", "工作", "目标", "工程", "人数", "数量" };

    /// <summary>The one row whose name holds the longest run (three characters at least) of the words; null when none or two tie.</summary>
    internal static int? RowOf(FactSheet sheet, string words)
    {
        var names = sheet.Evaluation.Indicators.Select(i => i.Name).ToList();
        for (int length = words.Length; length >= 3; length--)
        {
            int? found = null;
            for (int k = 0; k + length <= words.Length; k++)
            {
                string part = words.Substring(k, length);
                var holders = Enumerable.Range(0, names.Count).Where(i => names[i].Contains(part, StringComparison.Ordinal)).ToList();
                if (holders.Count > 1 || holders.Count == 1 && found is { } f && f != holders[0])
                {
                    return null;
                }

                found ??= holders.Count == 1 ? holders[0] : null;
            }

            if (found is not null)
            {
                // Most of the subject, not one word of a longer subject of its own.
                return length * 2 >= words.Length ? found : null;
            }
        }

        return null;
    }

    /// <summary>The unit written after the sentence's first number (15座, 33840平方米), up to the clause's end.</summary>
    [GeneratedRegex(@"\G[\d.,]*\s*(?<u>[\u4e00-\u9fa5/]{1,4}?)(?=[，,；;。]|$)")]
    private static partial Regex FirstUnit();

    /// <summary>完成率(为/是/达到) right before the number, in the sentence's last clause.</summary>
    [GeneratedRegex(@"(?:^|[，,；;])[^，,；;]{0,4}完成率(?:为|是|达到?|约为?)?\s*$")]
    private static partial Regex RateBefore();

    /// <summary>The sentence's subject: the Chinese words before its first number, without the opening time and verb words.</summary>
    // Session 40: also after the words that open a sentence about the programme (项目实施期间, 通过项目实施), and more verbs (吸纳, 惠及).
    [GeneratedRegex(@"^(?:(?:本|该)?项目实施(?:期间|以来|后)|通过(?:本|该)?项目(?:的)?实施)?[，,]?(?:全年|年度|本年度?|当年|累计|共计|共)?(?:发放|新建|新增|完成|改造|培训|建设|实施|开展|购置|新改建|改建|组织|帮扶|带动|提供|安排|落实|吸纳|惠及|救助|资助|安置)?(?<s>[\u4e00-\u9fa5]{3,16}?)(?:共计|合计|共|达到?|为)?\d")]
    private static partial Regex Subject();
}
