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
        bool any = false;
        foreach (FundLineResult line in s.Report.Funds.Where(l => funds.Count == 0 || funds.Contains(l.Index)))
        {
            any |= ReasonDueLine(w, line, policy);
        }

        if (!any)
        {
            w.Line("表中没有算得出执行率的资金行。");
        }
    }

    /// <summary>
    /// 执行率多少，要不要写原因 with no line named (the total's figure said just before): whether the total needs a reason, then only
    /// the parts below the threshold, each once with its own reason (or the total's note where it names the part) or none; the parts
    /// that need none are named together in one line.
    /// </summary>
    internal static void FundReasonsDue(AnswerWriter w, ScoringPolicy policy)
    {
        FactSheet s = w.Sheet;
        var lines = s.Report.Funds.Where(l => l.Rate is not null && w.Has($"funds.lines[{l.Index}].rate")).ToList();
        if (lines.Count == 0)
        {
            w.Line("表中没有算得出执行率的资金行。");
            return;
        }

        var root = lines.FirstOrDefault(l => l.Index == RootFund(s));
        bool rootQuoted = false;
        var quoted = new HashSet<string>(StringComparer.Ordinal); // borrowed causes quoted once, then referred to
        if (root is not null)
        {
            ReasonDueLine(w, root, policy, quoted: quoted);
            rootQuoted = root.Rate < policy.LowExecutionThreshold && root.Index < s.Evaluation.Funds.Lines.Count
                && Drafting.DeviationItems.Clean(s.Evaluation.Funds.Lines[root.Index].DeviationNote) is not null;
        }

        var parts = lines.Where(l => l != root).ToList();
        foreach (FundLineResult part in parts.Where(l => l.Rate < policy.LowExecutionThreshold))
        {
            ReasonDueLine(w, part, policy, rootQuoted, quoted);
        }

        var fine = parts.Where(l => l.Rate >= policy.LowExecutionThreshold).Select(l => l.Name.Trim()).ToList();
        if (fine.Count > 0)
        {
            string threshold = w.Percent(policy.LowExecutionThreshold, "说明原因的执行率界限（评分规则）");
            w.Line(fine.Count == parts.Count
                ? $"分资金来源看，{string.Join("、", fine)}执行率都不低于{threshold}，不需要单独说明原因。"
                : $"{string.Join("、", fine)}执行率不低于{threshold}，不需要单独说明原因。");
        }
    }

    /// <summary>One line's 执行率 against the threshold: no reason needed, or needed and the reason the table gives or that it gives none.</summary>
    /// <remarks>With <paramref name="rootQuoted"/> (the total's note quoted just before), a part that note names refers to it rather than quoting it again.</remarks>
    /// <remarks>Borrowed causes already quoted for an earlier line (<paramref name="quoted"/>) are referred to, not quoted again.</remarks>
    private static bool ReasonDueLine(AnswerWriter w, FundLineResult line, ScoringPolicy policy, bool rootQuoted = false, HashSet<string>? quoted = null)
    {
        FactSheet s = w.Sheet;
        string p = $"funds.lines[{line.Index}]";
        if (line.Rate is not { } rate || !w.Has(p + ".rate"))
        {
            return false;
        }

        string threshold = w.Percent(policy.LowExecutionThreshold, "说明原因的执行率界限（评分规则）");
        if (rate >= policy.LowExecutionThreshold)
        {
            w.Line($"{line.Name}执行率{w.F(p + ".rate")}，不低于{threshold}，不需要专门说明原因。");
            return true;
        }

        string? note = line.Index < s.Evaluation.Funds.Lines.Count ? Drafting.DeviationItems.Clean(s.Evaluation.Funds.Lines[line.Index].DeviationNote) : null;
        if (note is not null)
        {
            w.Line($"{line.Name}执行率{w.F(p + ".rate")}，低于{threshold}，需要说明原因，表中已填：{AnswerWriter.Quoted(w.Quote(note, "原因中的数字（表中所填）"))}");
        }
        else if (!line.IsRoot && RootNoteNaming(s, line) is { } rootNote)
        {
            // 省级资金12月下旬才下达 written on the total line: that is the part's reason, where the unit wrote it.
            w.Line(rootQuoted
                ? $"{line.Name}执行率{w.F(p + ".rate")}，低于{threshold}，需要说明原因；{line.Name}一栏没有单独填写，上面资金总额一栏的说明写到了它。"
                : $"{line.Name}执行率{w.F(p + ".rate")}，低于{threshold}，需要说明原因；{line.Name}一栏没有单独填写，资金总额一栏的说明写到了它：{AnswerWriter.Quoted(w.Quote(rootNote, "原因中的数字（表中所填）"))}");
        }
        else if (Borrowed(s, line, policy) is { Count: > 0 } same && quoted is not null && same.All(b => quoted.Contains(b.Cause)))
        {
            w.Line($"{line.Name}执行率{w.F(p + ".rate")}，低于{threshold}，需要说明原因；{line.Name}一栏也没有单独填写，单位在绩效指标中说明的相关原因同上。");
        }
        else if (Borrowed(s, line, policy) is { Count: > 0 } borrowed)
        {
            quoted?.UnionWith(borrowed.Select(b => b.Cause));
            // What the draft of 三 borrows for it (the unit's reasons for its cost lines or its funding), as the why-answer says it.
            w.Line($"{line.Name}执行率{w.F(p + ".rate")}，低于{threshold}，需要说明原因；{line.Name}一栏没有单独填写，单位在绩效指标中说明的相关原因是："
                + string.Join("；", borrowed.Select(b => $"“{w.Quote(b.Cause, "原因中的数字（表中所填）")}”（写在“{b.Item.Name}”的偏差原因栏）")) + "。");
        }
        else
        {
            w.Line($"{line.Name}执行率{w.F(p + ".rate")}，低于{threshold}，需要说明原因，表中还没有填写。");
        }

        return true;
    }
}
