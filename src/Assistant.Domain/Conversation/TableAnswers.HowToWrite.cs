using Assistant.Domain.Scoring;

namespace Assistant.Domain.Conversation;

/// <summary>
/// 县级那200万一分没花，报告里咋写: where the money goes in the report and what to say of it — the figures as the table gives
/// them, the cause in the unit's own words (never one made up here), and a measure — as a frame to fill in.
/// </summary>
public static partial class TableAnswers
{
    internal static void HowToWrite(AnswerWriter w, IReadOnlyList<int> funds, ScoringPolicy policy)
    {
        foreach (int f in funds)
        {
            FundLineResult? line = w.Sheet.Report.Funds.FirstOrDefault(l => l.Index == f);
            string p = $"funds.lines[{f}]";
            if (line?.Rate is not { } rate || !w.Has(p + ".budget") || !w.Has(p + ".executed"))
            {
                continue;
            }

            string name = line.Name.Trim();
            string where = rate < policy.LowExecutionThreshold
                ? "写在第三部分“偏离绩效目标的原因和下一步改进措施”里，并在第二部分的预算执行情况中如实列出"
                : "在第二部分的预算执行情况中如实列出";
            w.Line($"写法：{where}。");
            string spent = rate == 0m ? "全年未支出" : $"执行{w.F(p + ".executed")}，执行率{w.F(p + ".rate")}";
            string balance = w.Has(p + ".balance") ? $"，结余{w.F(p + ".balance")}" : string.Empty;
            w.Line($"可按这个框架写（省略号处由单位据实填写，不要编造）：“{name}全年预算{w.F(p + ".budget")}，{spent}{balance}。"
                + "主要原因是……（资金何时下达到位、哪些项目或支出尚未发生、是否已签合同待结算、涉及金额）。"
                + "下一步将……（如加快项目实施和资金拨付进度、按规定结转或收回统筹使用、按月通报支出进度）。”");
        }
    }
}
