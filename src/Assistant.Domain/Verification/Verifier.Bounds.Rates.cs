using System.Text.RegularExpressions;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Verification;

/// <summary>
/// Session 43, fund rates said as bounds and gaps:
/// <list type="bullet">
/// <item>执行率超过八成 on a line at 80.00 %, 县级资金执行率过半 at 49.76 %: a bound is held to the rate of the line the words name (the
/// last one named before it in the sentence, else the total), and 超过 means above — it is not verified by the rate's rounding, nor by
/// another line's rate that happens to lie in the bound (项目支出执行率超过八成 was verified by the total's 91.48 %). Only when the sentence
/// speaks of spending (执行, 支出): 部分达成按分值的60%至80%计 is a scoring rule, not a rate.</item>
/// <item>基本支出执行率99.80%，项目支出执行率83.03%，两者相差15.77个百分点: a gap between the two rates the sentence just gave is their
/// difference; a wrong one was left out of scope (两者 read as a subject of its own).</item>
/// </list>
/// </summary>
public sealed partial class Verifier
{
    private static CheckedMention? LineRateBound(FactSheet sheet, CheckedMention c, PrintedNumber number, string before, string normalized, int sentenceStart)
    {
        Mention m = c.Mention;
        if (c.Verdict != Verdict.Verified || m.Unit.Base != "%" || c.FactId is not { } id || !id.EndsWith(".rate", StringComparison.Ordinal)
            || sheet.Find(id) is not { FundLineIndex: { } matched } || (BoundSide(m, out _) is null && !UnitsInText.IsTenths(m)) || RuleBefore().IsMatch(before))
        {
            return null;
        }

        // The sentence's words before the number, taken only for the bounds this rule judges.
        string sentenceBefore = normalized[sentenceStart..m.Start];
        if (!(sentenceBefore.Contains("执行", StringComparison.Ordinal) || sentenceBefore.Contains("支出", StringComparison.Ordinal)))
        {
            return null;
        }

        int line = NamedLastLine(sheet, sentenceBefore) ?? Deductions.RootLine(sheet) ?? matched;
        if (sheet.Find($"funds.lines[{line}].rate") is not { } rate)
        {
            return null;
        }

        if (BoundHolds(m, number, PrintedNumber.RoundHalfUp(rate.Value, rate.Decimals)))
        {
            return line == matched ? null : c with { FactId = rate.Id, Note = null };
        }

        return new CheckedMention(m, Verdict.Contradicted, rate.Id, $"{rate.Label}为{rate.Text}，不是{m.Text.Trim()}");
    }

    /// <summary>The fund line whose name (or its core, 中央 of 中央资金) the words name last; null when they name none.</summary>
    private static int? NamedLastLine(FactSheet sheet, string words)
    {
        var lines = sheet.Evaluation.Funds.Lines;
        int? best = null;
        int at = -1;
        for (int i = 0; i < lines.Count; i++)
        {
            string name = lines[i].Name.Trim();
            string core = LineCore(name);
            int where = Math.Max(words.LastIndexOf(name, StringComparison.Ordinal), core.Length >= 2 && lines[i].Parent is not null ? words.LastIndexOf(core, StringComparison.Ordinal) : -1);
            if (where > at)
            {
                (best, at) = (i, where);
            }
        }

        return best;
    }

    private static CheckedMention? TwoRatesGap(FactSheet sheet, List<CheckedMention> mentions, int k, PrintedNumber number, string before, int sentenceStart)
    {
        CheckedMention c = mentions[k];
        if (c.Verdict is not (Verdict.OutOfScope or Verdict.Unverified) || c.Mention.Unit.Base != "个百分点" || !BetweenTwo().IsMatch(before))
        {
            return null;
        }

        var rates = new List<Fact>();
        for (int j = k - 1; j >= 0 && rates.Count < 2; j--)
        {
            CheckedMention p = mentions[j];
            if (p.Mention.Start < sentenceStart)
            {
                break;
            }

            if (p.Mention.Unit.Base != "%")
            {
                continue;
            }

            if (p.Verdict != Verdict.Verified || p.FactId is not { } id || id.Contains(' ', StringComparison.Ordinal) || sheet.Find(id) is not { } fact)
            {
                return null;
            }

            rates.Add(fact);
        }

        if (rates.Count < 2)
        {
            return null;
        }

        (Fact a, Fact b) = rates[1].Value >= rates[0].Value ? (rates[1], rates[0]) : (rates[0], rates[1]);
        return RateGapVerdict(c.Mention, number, a, b);
    }

    // In the number's clause: 执行率不能超过100%, 不得低于, 必须达到, 如果执行率超过…, 预计超过 (integration 43): a limit, a duty, a condition or a
    // forecast, not a result.
    [GeneratedRegex(@"不能|不得|不可|不宜|不允许|不应|必须|须|应当|应该|如果|若|要是|假如|一旦|预计|可能|要求|力争|确保")]
    private static partial Regex RuleBefore();

    // 两者相差, 二者差距为, 相差: the gap between the two rates just given.
    [GeneratedRegex(@"(?:两者|二者|两项|前后|之间)\s*(?:相差|差距为?|差|相距)了?\s*$")]
    private static partial Regex BetweenTwo();
}
