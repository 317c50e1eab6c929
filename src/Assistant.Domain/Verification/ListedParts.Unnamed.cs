using System.Text.RegularExpressions;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Verification;

/// <summary>
/// Session 40 (probe 38, left by session 39): a 其中 list after a total whose words name no column —
/// 项目资金合计2860.00万元，其中中央1800.00万元、省级640.00万元、县级240.00万元; 全县衔接资金0.99亿元，其中中央资金6240万元. The column is
/// the one whose total line's figure the total prints as (预算数 2860.00, 执行数 2517.36, 结余 342.64; two columns when they are
/// equal), and each part is checked there: a part that is none of its line's figures in those columns is contradicted, citing
/// the first. A total that is none of the total line's figures says nothing of a column, and the list is left to the other checks.
/// </summary>
internal static partial class ListedParts
{
    private static readonly string[] Columns = ["budget", "executed", "balance"];

    private static CheckedMention? Unnamed(FactSheet sheet, Mention m, PrintedNumber number, string sentenceBefore, int q, Func<Mention, PrintedNumber, decimal, bool> matches)
    {
        Match total = AmountBeforeList().Match(sentenceBefore, 0, q);
        if (!total.Success || !PrintedNumber.TryParse(total.Groups["num"].Value.Replace(",", string.Empty, StringComparison.Ordinal), out PrintedNumber printed)
            || UnitSpec.MultiplierOf(total.Groups["mag"].Value) is not { } magnitude || LastPart(sheet, sentenceBefore[(q + 2)..]) is not { } line)
        {
            return null;
        }

        SheetIndex index = SheetIndex.For(sheet);
        var lines = sheet.Evaluation.Funds.Lines;
        var columns = new List<string>(2);
        foreach (Candidate f in index.FundCandidates)
        {
            // The total line's figure, in 元, as the total prints it (0.99亿元 for 9862.00万元).
            if (f.Fact.FundLineIndex is { } l && lines[l].Parent is null && lines[line].Parent == lines[l].Name && Array.IndexOf(Columns, f.Measure) >= 0
                && (f.Unit.Base == "元" || f.Unit.Base.Length == 0) && f.Unit.Multiplier > 0
                && PrintedNumber.RoundHalfUp(f.Fact.Value * f.Unit.Multiplier / magnitude, printed.Decimals) == printed.Value && !columns.Contains(f.Measure))
            {
                columns.Add(f.Measure);
            }
        }

        if (columns.Count == 0)
        {
            return null;
        }

        Candidate? first = null;
        foreach (Candidate f in index.FundCandidates)
        {
            if (f.Fact.FundLineIndex != line || !columns.Contains(f.Measure) || !(f.Unit.Base == "元" || f.Unit.Base.Length == 0))
            {
                continue;
            }

            if (matches(m, number, f.InMentionUnits(m.Unit).Value))
            {
                // The right part is left to the ordinary checks (they verify it, and cite the fact they always cited).
                return null;
            }

            if (first is null || Array.IndexOf(Columns, f.Measure) < Array.IndexOf(Columns, first.Measure))
            {
                first = f;
            }
        }

        return first is null ? null
            : new CheckedMention(m, Verdict.Contradicted, first.Fact.Id, $"{first.Fact.Label}为{Verifier.Written(first.Fact, first.Unit, m.Unit)}");
    }

    /// <summary>
    /// The total right before 其中 with no column word: words of money (资金, 合计, 总额, 投入…) then only its amount
    /// (项目资金合计2860.00万元，). A 元 of the number's own (亿元, 万元, 元) is required.
    /// </summary>
    [GeneratedRegex(@"(?:资金|经费|合计|共计|总计|总额|总数|投入|筹措|筹集|下达|到位)(?:总额|合计|共计|总计|为|是|了|共|达|[:：\s]){0,3}(?<num>\d[\d.,]*)\s*(?<mag>亿|万|千)?元[，,:：\s]*$")]
    private static partial Regex AmountBeforeList();
}
