using System.Text.RegularExpressions;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Verification;

/// <summary>
/// Session 43, found on held-out drafts: two coincidences that verified a wrong number.
/// <list type="bullet">
/// <item>救助比例72%，高于目标3个百分点 on a row of 72 % against 70 %: the words compare the rate with its target, so the gap is
/// 72 − 70 = 2 points; 3 had been verified as the completion's excess over 100 % (72 ÷ 70 = 102.86 %, 2.86 points).</item>
/// <item>全年预算1.35亿元，较年初预算增加0.25亿元: 0.25 had been derived as the total's adjustment (0.15) plus a part's (0.10) — a
/// line and its own part added, which counts the part twice. Such a sum is no figure; the number is judged against the line named
/// (else the total).</item>
/// </list>
/// </summary>
public sealed partial class Verifier
{
    private static CheckedMention? ExcessAsGap(FactSheet sheet, CheckedMention c, PrintedNumber number, string before)
    {
        Mention m = c.Mention;
        if (c.Verdict is not (Verdict.Verified or Verdict.Derived) || m.Unit.Base != "个百分点" || c.FactId is not { } id
            || !(id.EndsWith(".excess", StringComparison.Ordinal) || id.EndsWith(".shortfall", StringComparison.Ordinal))
            || sheet.Find(id) is not { IndicatorIndex: { } row } || !AgainstTarget().IsMatch(before))
        {
            return null;
        }

        string p = $"indicators[{row}]";
        if (sheet.Find($"{p}.target") is not { Unit: "%" } target || sheet.Find($"{p}.actual") is not { Unit: "%" } actual
            || sheet.Find($"{p}.gap") is not { } gap || PrintedNumber.RoundHalfUp(gap.Value, number.Decimals) == number.Value)
        {
            return null;
        }

        return new CheckedMention(m, Verdict.Contradicted, gap.Id,
            $"“{sheet.Evaluation.Indicators[row].Name}”完成值{actual.Text}，指标值{target.Text}，相差{gap.Text}，不是{m.Text.Trim()}");
    }

    private static CheckedMention? PartAddedToWhole(FactSheet sheet, CheckedMention c)
    {
        // Only a number the words give a unit (0.25亿元): a bare figure in a copied table (200.00) may be any cell, and is left as it was.
        if (c.Verdict != Verdict.Derived || c.Mention.Unit.IsEmpty || c.FactId is not { } id || LineSum().Match(id) is not { Success: true } sum
            || sum.Groups["m1"].Value != sum.Groups["m2"].Value)
        {
            return null;
        }

        var lines = sheet.Evaluation.Funds.Lines;
        int a = int.Parse(sum.Groups["a"].Value, System.Globalization.CultureInfo.InvariantCulture);
        int b = int.Parse(sum.Groups["b"].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (a >= lines.Count || b >= lines.Count)
        {
            return null;
        }

        bool nested = lines[b].Parent?.Trim() == lines[a].Name.Trim() || lines[a].Parent?.Trim() == lines[b].Name.Trim();
        int whole = lines[b].Parent?.Trim() == lines[a].Name.Trim() ? a : b;
        if (!nested || sheet.Find($"funds.lines[{whole}].{sum.Groups["m1"].Value}") is not { } fact)
        {
            return null;
        }

        return new CheckedMention(c.Mention, Verdict.Contradicted, fact.Id, $"{fact.Label}为{fact.Text}（{lines[whole].Name}已含{lines[whole == a ? b : a].Name}，两者不能相加）");
    }

    // 高于目标, 较目标低, 比指标值高, 超出目标值: the rate compared with its target.
    [GeneratedRegex(@"(?:目标|指标值|目标值)\s*(?:值)?\s*(?:高|低|多|少)?(?:出|了)?\s*$|(?:高于|低于|超出|超过|少于|多于)(?:年度)?(?:目标|指标值|目标值)\s*$")]
    private static partial Regex AgainstTarget();

    [GeneratedRegex(@"^funds\.lines\[(?<a>\d+)\]\.(?<m1>[A-Za-z.]+) \+ funds\.lines\[(?<b>\d+)\]\.(?<m2>[A-Za-z.]+)$")]
    private static partial Regex LineSum();
}
