using System.Text.RegularExpressions;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Verification;

/// <summary>
/// Session 39 (probe 38 §3): the gap between two fund lines' 执行率 in 个百分点 (市县资金执行率比中央财政资金低35.61个百分点): the
/// first line's rate minus the second's, read in the direction the words give (低/少 below, 高/多 above). Contradicted when it is
/// not that gap (of the rates or of the rates as printed), naming both rates; one that holds is derived from the two rates (session 41).
/// Shared by the verifier and the reference the tests keep.
/// </summary>
internal static partial class RateGaps
{
    public static CheckedMention? Check(FactSheet sheet, Mention m, PrintedNumber number, string before, Func<Mention, PrintedNumber, decimal, bool> matches)
    {
        if (m.Unit.Base != "个百分点")
        {
            return null;
        }

        Match g = GapWords().Match(before);
        if (!g.Success || ListedParts.PartLine(sheet, g.Groups["a"].Value, parts: false) is not { } a
            || ListedParts.PartLine(sheet, g.Groups["b"].Value, parts: false) is not { } b || a == b
            || RateOf(sheet, a) is not { } ra || RateOf(sheet, b) is not { } rb)
        {
            return null;
        }

        bool below = g.Groups["dir"].Value is "低" or "少";
        decimal gap = ra.Value - rb.Value;
        decimal printed = PrintedNumber.RoundHalfUp(ra.Value, ra.Decimals) - PrintedNumber.RoundHalfUp(rb.Value, rb.Decimals);
        if (matches(m, number, below ? -gap : gap) || matches(m, number, below ? -printed : printed))
        {
            // Session 41 (probe 40 §10): a gap that holds is the two rates' difference, not a figure of another fact equal to it by
            // rounding (31.66个百分点 = 91.66% − 60.00%, not a row's 完成率 33.33%).
            (Fact high, Fact low) = gap >= 0 ? (ra, rb) : (rb, ra);
            return new CheckedMention(m, Verdict.Derived, $"{high.Id} - {low.Id}", $"{high.Text} − {low.Text}");
        }

        string nameA = sheet.Evaluation.Funds.Lines[a].Name.Trim(), nameB = sheet.Evaluation.Funds.Lines[b].Name.Trim();
        string way = gap >= 0 ? "高" : "低";
        return new CheckedMention(m, Verdict.Contradicted, ra.Id,
            $"{ra.Label}为{ra.Text}，{rb.Label}为{rb.Text}，{nameA}{way}{PrintedNumber.Format(Math.Abs(printed), 2)}个百分点");
    }

    private static Fact? RateOf(FactSheet sheet, int line) => sheet.Find($"funds.lines[{line}].rate");

    /// <summary>A执行率比/较B(的执行率)低/高(出/了): the two lines and the direction, right before the number.</summary>
    [GeneratedRegex(@"(?<a>[^，,；;。：:比较]{2,14}?)的?(?:预算)?执行率(?:比|较|较之|相比|与)(?<b>[^，,；;。：:]{2,14}?)的?(?:预算)?(?:执行率)?(?:相比)?(?:要)?(?<dir>低|高|少|多)(?:出|了)?\s*$")]
    private static partial Regex GapWords();
}
