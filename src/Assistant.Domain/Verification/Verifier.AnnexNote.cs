namespace Assistant.Domain.Verification;

/// <summary>
/// Session 41 (probe 38 #14, probe 40 §12): the product's own annex note — 年度资金总额执行率打印为77.12%，按全年执行数…计算应为77.11%；
/// 总分打印为91.57，按各项得分…合计应为92.57 — quotes what the unit's table printed beside what the rules give. Read back from the
/// exported Word report, the annex holds the computed figures only, so the quoted one has no cell to match: when the same clause
/// goes on to say what it 应为 and that figure checks out, the quote is the unit's original print — out of scope, not unverified
/// or contradicted.
/// </summary>
public sealed partial class Verifier
{
    private static CheckedMention? AnnexQuote(List<CheckedMention> mentions, int k, string normalized)
    {
        Mention m = mentions[k].Mention;
        int end = m.Start + m.Length;
        int stop = normalized.AsSpan(end).IndexOfAny('；', '。', ';');
        stop = stop < 0 ? normalized.Length : end + stop;
        int should = normalized.AsSpan(end, stop - end).IndexOf("应为", StringComparison.Ordinal);
        if (should < 0)
        {
            return null;
        }

        int after = end + should + 2;
        for (int j = k + 1; j < mentions.Count && mentions[j].Mention.Start < stop; j++)
        {
            CheckedMention c = mentions[j];
            if (c.Mention.Start < after || c.Verdict == Verdict.Identifier)
            {
                continue;
            }

            if (c.Verdict is not (Verdict.Verified or Verdict.Derived) || !normalized.AsSpan(after, c.Mention.Start - after).IsWhiteSpace())
            {
                return null;
            }

            return mentions[k] with { Verdict = Verdict.OutOfScope, FactId = null, Note = $"是单位自评表原来打印的数，附表已按评分规则改为{c.Mention.Text.Trim()}，表中不再有原来打印的数" };
        }

        return null;
    }
}
