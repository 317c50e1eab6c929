using System.Text.RegularExpressions;
using Assistant.Domain.Drafting;

namespace Assistant.Features.Drafting;

public sealed partial class OfflineDrafter
{
    private sealed partial class SectionWriter
    {
        /// <summary>
        /// The sentence on money spent behind the tasks (in the 执行率 paragraph, when the reviewer's rule flags a high score for the
        /// rate). It says the mismatch is unexplained only when it is: no reason for the money at all, or a reason that speaks of
        /// work held up while the rows were met. Session 41 (outside tester, 乳源): the unit's one reason (2个小区暂缓施工) was
        /// written on the money and on the short rows alike, and the draft still said the mismatch was not explained.
        /// </summary>
        private string SpendingBehindTasks(DeviationItem line, Cause cause)
        {
            string opening = $"在预算执行率为{DraftText.Ref(line.Path + ".rate")}的情况下，{DraftText.Ref("count.met")}绩效指标完成或超额完成，";
            if (cause.Origin == CauseOrigin.Missing || string.IsNullOrWhiteSpace(cause.Text))
            {
                return opening + "资金支出进度与任务完成情况不匹配，二者不匹配的原因自评表未作说明。";
            }

            var tied = brief.Items.Select(b => b.Item)
                .Where(i => i.IndicatorIndex is not null && i.Kind == DeviationKind.Shortfall && SameReason(i.StatedReason, cause.Text))
                .Select(i => $"“{i.Name}”").Distinct(StringComparer.Ordinal).ToList();
            if (tied.Count > 0)
            {
                return opening + $"资金结余与{string.Concat(tied.Take(3))}{(tied.Count > 3 ? "等指标" : string.Empty)}未完成出于同一原因。";
            }

            // Money that follows the work by its nature (结算、尾款、质保金, savings, other money paid first): the tasks can be done
            // while it is unspent, so the draft states the fact and leaves the reason already given to explain it.
            return PaidAfterWork().IsMatch(cause.Text) || DraftPhrases.IsFundingSource(cause.Text)
                ? opening + "资金支出进度慢于任务完成进度。"
                : opening + "资金支出进度与任务完成情况不匹配，自评表未说明任务完成而资金结余的原因。";
        }

        /// <summary>Whether a row's stated reason is the money's reason: the same words, or a long run of them (six characters).</summary>
        private static bool SameReason(string? rowReason, string moneyReason)
        {
            if (Domain.Review.ReasonText.Given(rowReason) is not { } r)
            {
                return false;
            }

            string a = Compact(r), b = Compact(moneyReason);
            if (a.Length == 0 || b.Length == 0)
            {
                return false;
            }

            if (a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal))
            {
                return true;
            }

            const int Run = 6;
            for (int i = 0; i + Run <= a.Length; i++)
            {
                if (b.Contains(a.AsSpan(i, Run), StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private static string Compact(string s) => new(s.Where(c => char.IsLetterOrDigit(c)).ToArray());

        [GeneratedRegex("结算|尾款|质保金|保证金|审计|节约|节余|降价|集中采购|跨年度?(?:拨付|支付)|次年(?:拨付|支付)|按合同约定|分期支付|报账")]
        private static partial Regex PaidAfterWork();
    }
}
