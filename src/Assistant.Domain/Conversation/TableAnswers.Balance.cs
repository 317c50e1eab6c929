using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Conversation;

public static partial class TableAnswers
{
    /// <summary>What each fund line left of its budget (还剩多少没花): budget − executed, its share, and whether it must be explained.</summary>
    internal static void FundBalances(AnswerWriter w, ScoringPolicy policy, IReadOnlyList<int>? only = null, string? message = null)
    {
        FactSheet s = w.Sheet;
        string? asked = AskedMoneyUnit(message);
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
            if (asked is not null && s.Find(p + ".balance") is { } b && b.Unit != asked && YuanPer(b.Unit) is not null && YuanPer(asked) is not null)
            {
                // 结余多少万元 on a table in 元: the answer in the unit asked first, then the table's own computation.
                w.Line($"{line.Name}结余{AmountAsked(w, p + ".balance", asked, "结余")}{share}；即全年预算数{w.F(p + ".budget")} − 全年执行数{w.F(p + ".executed")}。");
            }
            else
            {
                w.Line($"{line.Name}：全年预算数{w.F(p + ".budget")} − 全年执行数{w.F(p + ".executed")} = 结余{w.F(p + ".balance")}{share}。");
            }
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
    /// <summary>
    /// 执行率多少，要不要写原因: for each fund line asked (every line when none is named), whether its 执行率 is below the policy's
    /// threshold and so needs a reason, and the reason the table gives or that it gives none.
    /// </summary>
    internal static void FundReasonNeeded(AnswerWriter w, IReadOnlyList<int> funds, ScoringPolicy policy)
    {
        FactSheet s = w.Sheet;
        string threshold = w.Percent(policy.LowExecutionThreshold, "说明原因的执行率界限（评分规则）");
        bool any = false;
        foreach (FundLineResult line in s.Report.Funds.Where(l => funds.Count == 0 || funds.Contains(l.Index)))
        {
            string p = $"funds.lines[{line.Index}]";
            if (line.Rate is not { } rate || !w.Has(p + ".rate"))
            {
                continue;
            }

            any = true;
            if (rate >= policy.LowExecutionThreshold)
            {
                w.Line($"{line.Name}执行率{w.F(p + ".rate")}，不低于{threshold}，不需要专门说明原因。");
                continue;
            }

            string? note = line.Index < s.Evaluation.Funds.Lines.Count ? Drafting.DeviationItems.Clean(s.Evaluation.Funds.Lines[line.Index].DeviationNote) : null;
            w.Line(note is not null
                ? $"{line.Name}执行率{w.F(p + ".rate")}，低于{threshold}，需要说明原因，表中已填：{AnswerWriter.Quoted(w.Quote(note, "原因中的数字（表中所填）"))}"
                : $"{line.Name}执行率{w.F(p + ".rate")}，低于{threshold}，需要说明原因，表中还没有填写。");
        }

        if (!any)
        {
            w.Line("表中没有算得出执行率的资金行。");
        }
    }
}
