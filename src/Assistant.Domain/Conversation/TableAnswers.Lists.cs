using System.Globalization;
using System.Text.RegularExpressions;
using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Conversation;

/// <summary>Lists of rows and findings the table answers share: short rows, low fund lines, overshoots, rows without a reason, findings.</summary>
public static partial class TableAnswers
{
    internal static void ListShort(AnswerWriter w, ScoringPolicy p, bool brief = false)
    {
        FactSheet s = w.Sheet;
        var rows = s.Report.Indicators.Where(r => r.Status == IndicatorStatus.Short).Select(r => r.Index).ToList();
        if (rows.Count == 0)
        {
            w.Line("没有未达到指标值的绩效指标。");
        }
        else
        {
            w.Line($"未达到指标值的有{w.Count(rows.Count, "项", "未完成的指标数")}：");
            foreach (int i in rows)
            {
                if (brief)
                {
                    // A reverse row has no 完成率 (its ratio reads as over-achievement): how far it is over its cap.
                    w.Line(s.Report.Indicators[i].Rule == IndicatorRule.Reverse && w.Has(P(i) + ".gap")
                        ? $"“{Name(s, i)}”超出上限{w.F(P(i) + ".gap")}。"
                        : $"“{Name(s, i)}”完成率{w.F(P(i) + ".completion", "（无法计算）")}。");
                }
                else
                {
                    RowFigures(w, i);
                    string? reason = DeviationItems.Clean(s.Evaluation.Indicators[i].DeviationNote);
                    w.Line(reason is null ? "表中没有填写偏差原因。" : $"填报的原因：{AnswerWriter.Quoted(w.Quote(reason, "原因中的数字（表中）"))}");
                }
            }
        }

        var lostOnly = s.Report.Indicators.Where(r => r.Status != IndicatorStatus.Short && w.Has(P(r.Index) + ".lost")).Select(r => r.Index).ToList();
        foreach (int i in lostOnly)
        {
            w.Line($"“{Name(s, i)}”没有未完成，但得分{w.F(P(i) + ".score")}，扣{w.F(P(i) + ".lost")}。");
        }

        LowFunds(w, p, unflaggedOnly: false);

        if (!brief)
        {
            ListOvershoot(w, p, onlyIfAny: true);
        }
    }

    /// <summary>Fund lines whose 执行率 is below the policy's threshold (all, or only those the findings do not already name).</summary>
    internal static void LowFunds(AnswerWriter w, ScoringPolicy p, bool unflaggedOnly)
    {
        FactSheet s = w.Sheet;
        var items = DeviationItems.Find(s, p);
        var low = s.Report.Funds.Where(f => f.Rate is { } rate && rate < p.LowExecutionThreshold
            && !(unflaggedOnly && s.Report.Findings.Any(x => x.Path == $"funds.lines[{f.Index}]" && x.Severity != Severity.Info))).ToList();
        if (low.Count == 0)
        {
            return;
        }

        w.Line($"资金方面，执行率低于{w.Percent(p.LowExecutionThreshold, "说明原因的执行率界限（评分规则）")}、需要说明原因的有：");
        foreach (FundLineResult line in low)
        {
            string fp = $"funds.lines[{line.Index}]";
            DeviationItem? item = items.FirstOrDefault(x => x.FundLineIndex == line.Index);
            w.Line($"{line.Name}执行率{w.F(fp + ".rate")}（执行{w.F(fp + ".executed")}，预算{w.F(fp + ".budget")}）{(item?.StatedReason is null ? string.Empty : "，已说明原因")}；");
        }
    }

    internal static void ListOvershoot(AnswerWriter w, ScoringPolicy p, bool onlyIfAny = false)
    {
        FactSheet s = w.Sheet;
        var over = DeviationItems.Find(s, p).Where(x => x.Kind == DeviationKind.Overshoot && x.IndicatorIndex is not null).ToList();
        if (over.Count == 0)
        {
            if (!onlyIfAny)
            {
                w.Line($"没有完成值达到指标值{w.Percent(p.OvershootThreshold, "须说明超额原因的完成率界限（评分规则）")}及以上的指标。");
            }

            return;
        }

        w.Line($"完成值达到指标值{w.Percent(p.OvershootThreshold, "须说明超额原因的完成率界限（评分规则）")}及以上、超得较多的有{w.Count(over.Count, "项", "超额较多的指标数")}：");
        foreach (DeviationItem item in over)
        {
            int i = item.IndicatorIndex!.Value;
            w.Line($"“{Name(s, i)}”完成值{w.F(P(i) + ".actual")}，是指标值{w.F(P(i) + ".target")}的{w.F(P(i) + ".completion")}，{(item.StatedReason is null ? "还没有说明超额原因" : "已说明原因")}。");
        }
    }

    private static void ListUnexplained(AnswerWriter w, ScoringPolicy p)
    {
        FactSheet s = w.Sheet;
        var items = DeviationItems.Find(s, p).Where(x => x.StatedReason is null).ToList();
        // A part of the money below the threshold (县级配套资金 48.08 %) with no reason of its own nor one on the total naming it is
        // unexplained too, though the total's rate is above it (probe 38 #10).
        var parts = s.Report.Funds
            .Where(l => !l.IsRoot && l.Rate is { } r && r < p.LowExecutionThreshold && w.Has($"funds.lines[{l.Index}].rate")
                && l.Index < s.Evaluation.Funds.Lines.Count && DeviationItems.Clean(s.Evaluation.Funds.Lines[l.Index].DeviationNote) is null
                && RootNoteNaming(s, l) is null && !items.Any(x => x.FundLineIndex == l.Index))
            .ToList();
        if (parts.Count > 0)
        {
            ListUnexplained(w, items, parts, p);
            return;
        }

        if (items.Count == 0)
        {
            w.Line("需要说明的事项都已填写原因。");
            return;
        }

        w.Line($"需要说明却没有填写原因的有{w.Count(items.Count, "项", "缺少原因的事项数")}：");
        foreach (DeviationItem item in items)
        {
            if (item.IndicatorIndex is { } i)
            {
                string what = UnexplainedWhat(w, item, i);
                w.Line($"“{Name(s, i)}”：{what}。");
            }
            else if (item.FundLineIndex is { } f)
            {
                w.Line($"{item.Name}执行率{w.F($"funds.lines[{f}].rate")}。");
            }
            else
            {
                w.Line($"“{item.Name}”。");
            }
        }
    }

    internal static void ListFindings(AnswerWriter w, Func<Finding, bool>? which = null)
    {
        var findings = w.Sheet.Report.Findings.Where(f => f.Severity != Severity.Info && (which?.Invoke(f) ?? true)).ToList();
        if (findings.Count == 0)
        {
            if (which is null)
            {
                w.Line("表内勾稽检查没有发现需要核对的问题。");
            }

            return;
        }

        w.Line($"表内勾稽检查发现{w.Count(findings.Count, "处", "需要核对的问题数")}需要核对的问题：");
        foreach (Finding f in findings)
        {
            // The calculator's own message: its numbers are the calculator's, stated as facts of this turn.
            string text = NumberInText().Replace(f.Message, m =>
            {
                string digits = m.Groups[1].Value;
                int decimals = digits.Contains('.', StringComparison.Ordinal) ? digits.Length - digits.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
                if (MatchedNumber.Decimal(digits) is not decimal v)
                {
                    return m.Value;
                }

                return w.N(v, m.Groups[2].Value, decimals, "检查结果中的数字（计算器）");
            });
            w.Line($"{(f.Severity == Severity.Error ? "【错误】" : "【提示】")}{text.TrimEnd('。')}。");
        }
    }

    private static void ListUnexplained(AnswerWriter w, List<DeviationItem> items, List<FundLineResult> parts, ScoringPolicy p)
    {
        FactSheet s = w.Sheet;
        w.Line($"需要说明却没有填写原因的有{w.Count(items.Count + parts.Count, "项", "缺少原因的事项数")}：");
        foreach (DeviationItem item in items)
        {
            w.Line(item.IndicatorIndex is { } i ? $"“{Name(s, i)}”：{UnexplainedWhat(w, item, i)}。"
                : item.FundLineIndex is { } f ? $"{item.Name}执行率{w.F($"funds.lines[{f}].rate")}。" : $"“{item.Name}”。");
        }

        string threshold = w.Percent(p.LowExecutionThreshold, "说明原因的执行率界限（评分规则）");
        foreach (FundLineResult line in parts)
        {
            w.Line($"{line.Name}执行率{w.F($"funds.lines[{line.Index}].rate")}，低于{threshold}，资金来源一栏没有填写原因。");
        }
    }

    private static string UnexplainedWhat(AnswerWriter w, DeviationItem item, int i)
    {
        FactSheet s = w.Sheet;
        return item.Kind switch
        {
            DeviationKind.Overshoot => $"完成值是指标值的{w.F(P(i) + ".completion")}，超得较多",
            // A ceiling broken (≤20 against 24) is over its limit, not a share of it (120 % reads as over-achievement).
            DeviationKind.Shortfall when s.Report.Indicators[i].Rule == IndicatorRule.Reverse && w.Has(P(i) + ".actual") && w.Has(P(i) + ".target")
                => $"完成值{w.F(P(i) + ".actual")}，超出上限{w.F(P(i) + ".target")}",
            DeviationKind.Shortfall => $"完成值是指标值的{w.F(P(i) + ".completion", "（无法计算）")}",
            DeviationKind.QualitativeWeaker => "完成值的评价弱于指标值",
            DeviationKind.Late => "未按期完成",
            DeviationKind.Cancelled => "年中取消了这一指标",
            _ => "需要说明",
        };
    }
}
