using System.Text.RegularExpressions;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Verification;

/// <summary>
/// Session 44: a fraction said of the money or of the indicators — 七成以上的资金已支出, 近三成资金未支出, 一半以上的指标已完成,
/// 三分之一的资金未拨付 — is the stated bound of a share, judged against the share it speaks of: the 执行率 of the line the sentence
/// names (else the total) for money spent, 100% less it for money unspent; the indicators met (达到或超过指标值) among those the table
/// judged for indicators completed, the others for those not. Before, a fraction was read only right after a rate's words.
/// </summary>
public sealed partial class Verifier
{
    private static CheckedMention? ShareOfWhole(FactSheet sheet, CheckedMention c, PrintedNumber number, string before, string after, string normalized, int sentenceStart)
    {
        Mention m = c.Mention;
        if (!UnitsInText.IsShareOfWhole(m) || WholeAfterShare().Match(after) is not { Success: true } whole || GoalBefore().IsMatch(before))
        {
            return null;
        }

        bool not = whole.Groups["not"].Success;
        string said = m.Text.Trim() + whole.Value.Trim();
        if (whole.Groups["money"].Success)
        {
            string sentenceBefore = normalized[sentenceStart..m.Start];
            int? line = NamedLastLine(sheet, sentenceBefore) ?? Deductions.RootLine(sheet);
            if (line is null || sheet.Find($"funds.lines[{line}].rate") is not { } rate)
            {
                return null;
            }

            decimal spent = PrintedNumber.RoundHalfUp(rate.Value, rate.Decimals);
            decimal share = not ? 100m - spent : spent;
            string of = not ? $"，未支出的部分占{PrintedNumber.Format(share, rate.Decimals)}%" : string.Empty;
            return BoundHolds(m, number, share)
                ? new CheckedMention(m, Verdict.Verified, rate.Id, $"{rate.Label}为{rate.Text}{of}，与“{said}”相符")
                : new CheckedMention(m, Verdict.Contradicted, rate.Id, $"{rate.Label}为{rate.Text}{of}，不是{said}");
        }

        var judged = sheet.Report.Indicators.Where(r => r.Status is IndicatorStatus.Met or IndicatorStatus.Exceeded or IndicatorStatus.Short).ToList();
        if (judged.Count == 0)
        {
            return null;
        }

        int met = judged.Count(r => r.Status != IndicatorStatus.Short);
        int counted = not ? judged.Count - met : met;
        decimal part = PrintedNumber.RoundHalfUp(counted * 100m / judged.Count, 2);
        string note = $"{judged.Count}项指标中{(not ? "未完成" : "完成")}{counted}项（{PrintedNumber.Format(part, 2)}%）";
        return BoundHolds(m, number, part)
            ? new CheckedMention(m, Verdict.Verified, null, $"{note}，与“{said}”相符")
            : new CheckedMention(m, Verdict.Contradicted, null, $"{note}，不是{said}");
    }

    // The whole after the fraction and what is said of it: 的资金已支出 / 资金未支出 / 的指标已完成 / 的指标没有达到.
    [GeneratedRegex(@"^\s*的?(?:项目|预算|财政|专项)?(?:(?<money>资金)(?:已经|已|均|都|尚|还|仍)?(?<not>未|没有|没|尚未)?(?:支出|执行|拨付|使用|花出|花掉|用完|兑付)|(?<ind>指标)(?:已经|已|均|都|尚|还|仍)?(?<not>未能|未|没有|没能|没)?(?:完成|达到|达标|实现))")]
    private static partial Regex WholeAfterShare();
}
