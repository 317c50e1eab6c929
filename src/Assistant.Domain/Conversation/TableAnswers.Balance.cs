using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Conversation;

public static partial class TableAnswers
{
    /// <summary>What each fund line left of its budget (还剩多少没花): budget − executed, its share, and whether it must be explained.</summary>
    internal static void FundBalances(AnswerWriter w, ScoringPolicy policy, IReadOnlyList<int>? only = null)
    {
        FactSheet s = w.Sheet;
        bool any = false;
        bool low = false;
        foreach (FundLineResult line in s.Report.Funds.Where(l => Asked(l, only)))
        {
            string p = $"funds.lines[{line.Index}]";
            if (s.Find(p + ".balance") is not { } balance || s.Find(p + ".budget") is not { Value: > 0m })
            {
                continue;
            }

            any = true;
            if (balance.Value == 0m)
            {
                w.Line($"{line.Name}：全年预算数{w.F(p + ".budget")}全部执行，没有结余。");
                continue;
            }

            if (balance.Value < 0m)
            {
                w.Line($"{line.Name}：全年执行数{w.F(p + ".executed")}超过全年预算数{w.F(p + ".budget")}，没有结余。");
                continue;
            }

            string share = w.Has(p + ".unexecutedRate") ? $"，占预算的{w.F(p + ".unexecutedRate")}" : string.Empty;
            w.Line($"{line.Name}：全年预算数{w.F(p + ".budget")} − 全年执行数{w.F(p + ".executed")} = 结余{w.F(p + ".balance")}{share}。");
            low |= line.Rate is { } rate && rate < policy.LowExecutionThreshold;
        }

        if (!any)
        {
            w.Line("表中没有同时填写全年预算数和全年执行数的资金行，算不出结余。");
        }
        else if (low && only is not { Count: > 0 })
        {
            w.Line($"执行率低于{w.Percent(policy.LowExecutionThreshold, "说明原因的执行率界限（评分规则）")}的，自评报告须说明资金结余的原因和下一步措施（{policy.Title}）。");
        }
    }
}
