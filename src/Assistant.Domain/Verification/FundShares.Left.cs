using System.Text.RegularExpressions;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Verification;

/// <summary>
/// Session 39 (probe 38 §3): the share of the budget that is left (结余资金2247.63万元，占全年预算的12.50%): the line's 结余 ÷ its
/// 预算 — of the fund line the sentence names before its 结余 word, else of the total line. A part's 结余 may also be given as a
/// share of the total's budget. Contradicted when it prints as none of these (one that holds is left to the ordinary checks), naming the line's own share.
/// </summary>
internal static partial class FundShares
{
    private static CheckedMention? LeftShare(Facts.FactSheet sheet, Mention m, PrintedNumber number, string sentenceBefore, Match w, int totalLine,
        Func<Mention, PrintedNumber, decimal, bool> matches)
    {
        string baseText = w.Groups["base"].Value;
        string sentence = sentenceBefore.Length >= w.Length ? sentenceBefore[..^w.Length] : string.Empty;
        Match left = LeftAmount().Match(sentence);
        if (!left.Success || !(baseText.Length == 0 || BudgetBase().IsMatch(baseText)))
        {
            return null;
        }

        var lines = sheet.Evaluation.Funds.Lines;
        int part = -1, at = -1;
        for (int i = 0; i < lines.Count; i++)
        {
            string core = SheetIndex.FundCore(lines[i].Name.Trim());
            if (lines[i].Parent is null || core.Length < 2)
            {
                continue;
            }

            int k = LastMention(sentence[..left.Index], lines[i].Name.Trim(), core);
            if (k > at)
            {
                (part, at) = (i, k);
            }
        }

        // A bare 占预算的 with no part named may be a part's own budget spoken of earlier (结余96万元，占预算的80%): only a base that
        // names the total (全年预算, 预算总额) is the total line's.
        if (part < 0 && !TotalWords().IsMatch(baseText))
        {
            return null;
        }

        int line = part >= 0 ? part : totalLine;
        if (line < 0 || line >= lines.Count || lines[line].Budget is not { Value: > 0 } budget || lines[line].Executed is not { } executed)
        {
            return null;
        }

        decimal own = (budget.Value - executed.Value) / budget.Value * 100m;
        decimal? ofTotal = part >= 0 && totalLine >= 0 && lines[totalLine].Budget is { Value: > 0 } tb ? (budget.Value - executed.Value) / tb.Value * 100m : null;
        string id = $"funds.lines[{line}].unexecutedRate";
        // A share that holds is left to the ordinary checks (they derive it).
        return matches(m, number, own) || ofTotal is { } t && matches(m, number, t) ? null : new CheckedMention(m, Verdict.Contradicted, id, $"{lines[line].Name.Trim()}结余占其预算的比例为{Pct(own)}");
    }

    /// <summary>The sentence ends with what is left and its amount: 结余资金2247.63万元，</summary>
    [GeneratedRegex(@"(?:结余|未支出|未执行|剩余)(?:资金|金额|数|额)?(?:为|是|共|合计|共计)?\s*\d[\d.,]*\s*(?:亿|万|千)?元[，,]?\s*$")]
    private static partial Regex LeftAmount();

    /// <summary>A base that is a budget: 预算, 全年预算, 预算总额, 年度预算数, 资金总额.</summary>
    [GeneratedRegex(@"^(?:全部|全年|年度|项目|总)?(?:资金)?(?:预算|资金总额|预算资金)(?:数|总额|总数|资金)?$")]
    private static partial Regex BudgetBase();
}
