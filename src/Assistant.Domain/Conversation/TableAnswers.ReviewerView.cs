using System.Globalization;
using System.Text.RegularExpressions;
using Assistant.Domain.Drafting;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Conversation;

/// <summary>
/// 执行率79.22%，总分94.4，评审会不会有意见 (session 41): after the total, what a reviewer would raise — the same criteria the report's
/// notes and the risk queue apply (<see cref="ReviewerFindings"/>: a total high for the 执行率, scores ahead of spending, rates without a
/// reason…), each in the criteria's own words; a total the question quotes that is not the computed one is said to differ.
/// </summary>
public static partial class TableAnswers
{
    /// <summary>Whether the message asks how a reviewer would see the table (评审会不会有意见, 审核能过吗, 专家会不会挑).</summary>
    internal static bool AsksReviewer(string message) => ReviewerAsk().IsMatch(IntentRouter.Canonical(message ?? string.Empty));

    private static void ReviewerView(AnswerWriter w, string message)
    {
        if (QuotedTotal().Match(IntentRouter.Canonical(message)) is { Success: true } q && Number(q.Groups["n"].Value) is { } quoted
            && w.Sheet.Find("total") is { } total && Math.Round(total.Value, quoted.Decimals, MidpointRounding.AwayFromZero) != quoted.Value)
        {
            w.Line($"问题中说的{w.N(quoted.Value, "分", quoted.Decimals, "问题中的分数（用户所问）")}与按评分规则计算的总分{w.F("total")}不一致，以计算结果为准。");
        }

        if (QuotedRate().Match(IntentRouter.Canonical(message)) is { Success: true } qr && Number(qr.Groups["n"].Value) is { } rate
            && RootFund(w.Sheet) is { } root && w.Sheet.Find($"funds.lines[{root}].rate") is { } exact
            && Math.Round(exact.Value, rate.Decimals, MidpointRounding.AwayFromZero) != rate.Value)
        {
            w.Line($"问题中说的{w.N(rate.Value, "%", rate.Decimals, "问题中的百分比（用户所问）")}与按全年执行数 ÷ 全年预算数计算的执行率{w.F($"funds.lines[{root}].rate")}不一致，以计算结果为准。");
        }

        var found = ReviewerFindings.Find(w.Sheet, PolicyOf(w.Sheet)).Where(f => !ReviewerFindingCodes.IsBoilerplate(f.Code)).ToList();
        if (found.Count == 0)
        {
            w.Line("按评审的核查线（执行率与总分是否相称、得分是否跑在支出前面、执行率偏低有没有说明原因），这张表没有会被重点追问的地方。");
            return;
        }

        w.Line($"评审可能提出的意见有{w.Count(found.Count, "条", "评审可能提出的意见数")}：");
        foreach (ReviewerFinding f in found)
        {
            string text = NumberInText().Replace(f.Message, m =>
            {
                string digits = m.Groups[1].Value;
                int decimals = digits.Contains('.', StringComparison.Ordinal) ? digits.Length - digits.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
                if (MatchedNumber.Decimal(digits) is not decimal v)
                {
                    return m.Value;
                }

                return w.N(v, m.Groups[2].Value, decimals, "评审核查线中的数字（评分规则）");
            });
            w.Line("- " + text.TrimEnd('。') + "。");
        }
    }

    [GeneratedRegex(@"(?:总分|总得分)\s*(?:是|为|才|有|只有|得了)?\s*(?<n>\d{1,3}(?:\.\d+)?)(?![\d.%])")]
    private static partial Regex QuotedTotal();

    [GeneratedRegex(@"执行率\s*(?:是|为|才|只有|仅)?\s*(?<n>\d{1,3}(?:\.\d+)?)\s*%")]
    private static partial Regex QuotedRate();

    [GeneratedRegex("评审|审核|专家|财政局|财政部门|主管部门|会不会有意见|有没有意见|提意见|挑毛病|过得了|过不了|能不能过|通不通过|会不会被退|会不会退回")]
    private static partial Regex ReviewerAsk();
}
