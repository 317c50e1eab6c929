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
        if (!subject.Success || RowOf(sheet, subject.Groups["s"].Value) is not { } row || sheet.Find($"indicators[{row}].completion") is not { } fact)
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
    /// written with characters every one of which one row's name holds, and no other's. The count is that row's 完成值 (or
    /// 指标值) when it prints as one in the same unit (人, 名 and 位 alike), contradicted citing the 完成值 when it is neither.
    /// </summary>
    public static CheckedMention? Reordered(FactSheet sheet, Mention m, PrintedNumber number, string sentenceBefore, Func<Mention, PrintedNumber, decimal, bool> matches)
    {
        // The sentence's first number is this one: its subject is all the words before it.
        Match subject = Subject().Match(sentenceBefore + "0");
        if (m.Unit.Base.Length == 0 || m.Unit.Base == "%" || !subject.Success || subject.Index + subject.Length != sentenceBefore.Length + 1)
        {
            return null;
        }

        string words = subject.Groups["s"].Value;
        var names = sheet.Evaluation.Indicators.Select(i => i.Name).ToList();
        var holders = Enumerable.Range(0, names.Count).Where(i => words.All(ch => names[i].Contains(ch, StringComparison.Ordinal))).ToList();
        if (words.Length < 4 || holders.Count != 1)
        {
            return null;
        }

        Candidate? actual = null;
        foreach (Candidate c in SheetIndex.For(sheet).OfIndicator(holders[0]))
        {
            if (c.Measure is not ("actual" or "target") || !(c.Unit.Base == m.Unit.Base || Verifier.SamePersons(m.Unit.Base, c.Unit.Base)))
            {
                continue;
            }

            if (matches(m, number, c.InMentionUnits(m.Unit).Value))
            {
                return new CheckedMention(m, Verdict.Verified, c.Fact.Id, null);
            }

            actual ??= c.Measure == "actual" ? c : null;
        }

        return actual is null ? null : new CheckedMention(m, Verdict.Contradicted, actual.Fact.Id, Verifier.RowFactNote(sheet, actual.Fact, holders[0]));
    }

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

    /// <summary>完成率(为/是/达到) right before the number, in the sentence's last clause.</summary>
    [GeneratedRegex(@"(?:^|[，,；;])[^，,；;]{0,4}完成率(?:为|是|达到?|约为?)?\s*$")]
    private static partial Regex RateBefore();

    /// <summary>The sentence's subject: the Chinese words before its first number, without the opening time and verb words.</summary>
    [GeneratedRegex(@"^(?:全年|年度|本年度?|当年|累计|共计|共)?(?:发放|新建|新增|完成|改造|培训|建设|实施|开展|购置|新改建|改建|组织|帮扶|带动|提供|安排|落实)?(?<s>[\u4e00-\u9fa5]{3,16}?)(?:共计|合计|共|达到?|为)?\d")]
    private static partial Regex Subject();
}
