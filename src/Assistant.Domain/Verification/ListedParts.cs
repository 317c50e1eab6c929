using System.Text.RegularExpressions;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Verification;

/// <summary>
/// Session 39 (probe 38 §3): the parts of a total listed after it, each checked against its own fund line in the column the total
/// names. 全年结余资金合计353.55万元，其中省级112.73万元、县级240.28万元: 县级 is the 县级配套资金 line and the list is of 结余, so
/// 240.28 is contradicted by that line's 结余 240.82; 全年预算数9862.00万元，其中中央资金6240.00万元 by its 预算 6420.00.
/// 中央、省级、市县资金执行率分别为93.02%、77.21%、57.68%: the k-th rate after 分别 is the k-th line's 执行率.
/// Shared by the verifier and the reference the tests keep.
/// </summary>
internal static partial class ListedParts
{
    /// <summary>
    /// An amount of money in a 其中 list after a total whose column the words name (预算, 执行/支出, 结余): the part the words right
    /// before it name (a line's whole name, its core, or a unique start of its core: 省级 for 省级补助资金) must hold it in that
    /// column, and contradicted when it does not (null when it does: the ordinary checks verify it). Null when the sentence has no such list, the part names its own column, or no one line is named.
    /// </summary>
    public static CheckedMention? Amount(FactSheet sheet, Mention m, PrintedNumber number, string sentenceBefore, Func<Mention, PrintedNumber, decimal, bool> matches)
    {
        int q = sentenceBefore.LastIndexOf("其中", StringComparison.Ordinal);
        if (q < 0 || !IsMoney(m.Unit))
        {
            return null;
        }

        Match total = TotalBeforeList().Match(sentenceBefore[..q]);
        if (!total.Success)
        {
            // 资金合计2860.00万元，其中中央…、省级…: no column named; the column whose total the figure is (session 40).
            return Unnamed(sheet, m, number, sentenceBefore, q, matches);
        }

        string measure = total.Groups["left"].Success ? "balance" : total.Groups["spent"].Success ? "executed" : "budget";
        string list = sentenceBefore[(q + 2)..];
        int last = list.Length - 1;
        while (last >= 0 && !(char.IsAsciiDigit(list[last]) || list[last] == '元'))
        {
            last--;
        }

        if (PartLine(sheet, list[(last + 1)..]) is not { } line)
        {
            return null;
        }

        foreach (Candidate f in SheetIndex.For(sheet).FundCandidates)
        {
            if (f.Fact.FundLineIndex == line && f.Measure == measure && (f.Unit.Base == "元" || f.Unit.Base.Length == 0))
            {
                // The right part is left to the ordinary checks (they verify it, and cite the fact they always cited).
                return matches(m, number, f.InMentionUnits(m.Unit).Value) ? null
                    : new CheckedMention(m, Verdict.Contradicted, f.Fact.Id, $"{f.Fact.Label}为{Verifier.Written(f.Fact, f.Unit, m.Unit)}");
            }
        }

        return null;
    }

    /// <summary>
    /// A rate in a list after 执行率分别为 (中央、省级、市县资金执行率分别为93.02%、77.21%、57.68%): the k-th percentage is the k-th
    /// line's 执行率. Null unless every item before the words names one fund line and the number is the k-th of the list.
    /// </summary>
    public static CheckedMention? Rate(FactSheet sheet, Mention m, PrintedNumber number, string sentenceBefore, Func<Mention, PrintedNumber, decimal, bool> matches)
    {
        if (m.Unit.Base != "%")
        {
            return null;
        }

        int at = sentenceBefore.LastIndexOf("分别", StringComparison.Ordinal);
        if (at < 0 || !ListSoFar().IsMatch(sentenceBefore[(at + 2)..]))
        {
            return null;
        }

        Match head = RatesHead().Match(sentenceBefore[..at]);
        if (!head.Success)
        {
            return null;
        }

        string[] items = head.Groups["names"].Value.Split(['、', '和', '及', '与'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        int k = Percentages().Count(sentenceBefore[(at + 2)..]);
        if (items.Length < 2 || k >= items.Length)
        {
            return null;
        }

        var lines = new int[items.Length];
        for (int i = 0; i < items.Length; i++)
        {
            if (PartLine(sheet, items[i], parts: false) is not { } l)
            {
                return null;
            }

            lines[i] = l;
        }

        foreach (Candidate f in SheetIndex.For(sheet).FundCandidates)
        {
            if (f.Fact.FundLineIndex == lines[k] && f.Measure == "rate")
            {
                return matches(m, number, f.Fact.Value) ? null
                    : new CheckedMention(m, Verdict.Contradicted, f.Fact.Id, $"{f.Fact.Label}为{f.Fact.Text}");
            }
        }

        return null;
    }

    /// <summary>
    /// The one fund line the words name: its whole name, its core (中央 for 中央财政资金), or a start of its core no other line's
    /// core starts with (省级 for 省级补助资金). Only a part (a line with a parent) unless <paramref name="parts"/> is false.
    /// </summary>
    internal static int? PartLine(FactSheet sheet, string words, bool parts = true)
    {
        string said = FundCore(Edges().Replace(words, string.Empty));
        if (said.Length < 2 || said.Length > 8)
        {
            return null;
        }

        var lines = sheet.Evaluation.Funds.Lines;
        int? found = null;
        for (int i = 0; i < lines.Count; i++)
        {
            string core = FundCore(lines[i].Name.Trim());
            if ((parts && lines[i].Parent is null) || core.Length < 2)
            {
                continue;
            }

            if (core == said)
            {
                return i;
            }

            if (core.StartsWith(said, StringComparison.Ordinal))
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

    private static string FundCore(string s) => SheetIndex.FundCore(s);

    /// <summary>The one part the words of a 其中 list right before the amount name (the words after the list's last figure), or null.</summary>
    private static int? LastPart(FactSheet sheet, string list)
    {
        int last = list.Length - 1;
        while (last >= 0 && !(char.IsAsciiDigit(list[last]) || list[last] == '元'))
        {
            last--;
        }

        return PartLine(sheet, list[(last + 1)..]);
    }

    private static bool IsMoney(UnitSpec unit) => unit.Base == "元" || (unit.Base.Length == 0 && unit.Magnitude.Length > 0);

    /// <summary>The total right before 其中: its column word (预算, 执行/支出, 结余 — and 结转, what is carried to the next year, not 上年结转) (预算, 执行/支出, 结余), then only its amount (全年结余资金合计353.55万元，).</summary>
    [GeneratedRegex(@"(?:(?<left>结余|未支出|未执行|剩余|(?<!上年|上年度|以前年度|往年|历年|上一年)结转(?!上年|以前))|(?<spent>执行(?!率)|支出|使用)|(?<budget>预算|安排))(?:数|资金|金额|总额|总数|合计|共计|总计|为|是|了|共|[:：\s]){0,4}\d[\d.,]*\s*(?:亿|万|千)?元[，,:：\s]*$")]
    private static partial Regex TotalBeforeList();

    /// <summary>The words a part's name is written between: the separators and 为/是 around it.</summary>
    [GeneratedRegex(@"^[、，,；;和及与：:\s]+|(?:的|为|是|共|[：:\s])+$")]
    private static partial Regex Edges();

    /// <summary>After 分别: only the list's percentages so far (为93.02%、77.21%和).</summary>
    [GeneratedRegex(@"^(?:为|是|达到?|约为?)?(?:\s*\d[\d.]*\s*%\s*[、，,和及与]*)*\s*$")]
    private static partial Regex ListSoFar();

    /// <summary>The lines' names (after the sentence's last comma) before 执行率 (中央、省级、市县资金的执行率).</summary>
    [GeneratedRegex(@"(?:^|[，,；;：:])(?:其中)?(?<names>[^，,；;：:]+?)(?:资金)?的?(?:预算|资金)?执行率\s*$")]
    private static partial Regex RatesHead();

    [GeneratedRegex(@"\d[\d.]*\s*%")]
    private static partial Regex Percentages();
}
