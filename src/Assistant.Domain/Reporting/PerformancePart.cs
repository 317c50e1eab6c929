using System.Text;
using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Reporting;

/// <summary>
/// 二、绩效情况分析: (一) 资金投入 from the fund lines, (二) 资金管理 from what the table shows (execution,
/// balance, adjustment) with the rest asked of the unit beside the text, (三) 总体目标 from the counts and
/// the score, (四) 绩效指标 by 一级/二级: met indicators grouped in one sentence, the others one by one.
/// </summary>
public static class PerformancePart
{
    public static ComposedPart Compose(ReportPhrases p, IReadOnlyList<ReportPrecedent> precedents)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(precedents);
        var notes = new List<ReviewNote>();
        var sb = new StringBuilder();
        sb.Append(ReportParts.Get(ReportParts.Performance).Heading).Append('\n');
        Funds(p, sb);
        Management(p, precedents, sb, notes);
        Overall(p, sb);
        Indicators(p, sb, notes);
        return new ComposedPart(ReportParts.Performance, sb.ToString(), notes);
    }

    private static void Funds(ReportPhrases p, StringBuilder sb)
    {
        Evaluation e = p.Sheet.Evaluation;
        sb.Append("（一）资金投入情况分析\n");
        if (p.RootLine() is not { } root)
        {
            sb.Append("自评表未列项目资金。\n");
            return;
        }

        string id = $"funds.lines[{root}]";
        sb.Append(DepartmentBudget.Is(e) ? DepartmentBudget.Subject(e) : ReportPhrases.YearBefore(e)).Append("全年预算数").Append(p.Fact(id + ".budget") ?? "见自评表");
        if (p.Fact(id + ".executed") is { } ex)
        {
            sb.Append("，全年执行数").Append(ex);
        }

        if (p.Fact(id + ".rate") is { } rate)
        {
            sb.Append("，预算执行率").Append(rate);
        }

        if (p.Fact(id + ".balance") is { } bal && p.Sheet.Find(id + ".balance")!.Value > 0)
        {
            sb.Append("，结余").Append(bal);
        }

        sb.Append('。');
        var parts = p.Parts(root);
        if (parts.Count > 0)
        {
            // 基本支出 / 项目支出 are what the money was spent on, not where it came from.
            sb.Append('分').Append(DepartmentBudget.PartsLabel(e, parts.Select(i => e.Funds.Lines[i].Name))).Append("看，");
            sb.Append(string.Join("；", parts.Select(i =>
            {
                string pid = $"funds.lines[{i}]";
                var clause = new StringBuilder(e.Funds.Lines[i].Name.Trim());
                clause.Append("预算").Append(p.Fact(pid + ".budget") ?? "见自评表");
                // Shares of a total the parts do not make would not add up to 100 %: left out then.
                if (p.Fact(pid + ".share.budget") is { } share && parts.Count > 1 && !p.PartsDiffer(root, "budget"))
                {
                    clause.Append("，占").Append(share);
                }

                if (p.Fact(pid + ".executed") is { } pe)
                {
                    clause.Append("，执行").Append(pe);
                }

                if (p.Fact(pid + ".rate") is { } pr)
                {
                    clause.Append("，执行率").Append(pr);
                }

                return clause.ToString();
            })));
            sb.Append('。');
            if (p.PartsMismatch(root, parts) is { } mismatch)
            {
                sb.Append(mismatch);
            }
        }

        if (p.Scored && p.Fact("funds.weight") is { } w && p.Fact(id + ".score") is { } s)
        {
            sb.Append("预算执行率分值").Append(w).Append("，得分").Append(s).Append('。');
        }

        sb.Append('\n');
    }

    private static void Management(ReportPhrases p, IReadOnlyList<ReportPrecedent> precedents, StringBuilder sb, List<ReviewNote> notes)
    {
        sb.Append("（二）资金管理情况分析\n");
        bool wrote = false;
        if (p.RootLine() is { } root)
        {
            string id = $"funds.lines[{root}]";
            FundLineResult r = p.Sheet.Report.Funds[root];
            if (p.Fact(id + ".adjustment") is { } adj && p.Fact(id + ".initialBudget") is { } ib)
            {
                sb.Append("年初预算数").Append(ib).Append("，年度执行中调整").Append(adj).Append("，全年预算数为").Append(p.Fact(id + ".budget")).Append('。');
                wrote = true;
            }

            if (r.Rate is { } rate && p.Fact(id + ".rate") is { } rf)
            {
                sb.Append(rate < p.LowExecution
                    ? $"从预算执行看，全年执行率{rf}，资金拨付和使用进度偏慢，原因及改进措施在第三部分说明。"
                    : $"从预算执行看，全年执行率{rf}，资金基本按计划拨付使用。");
                wrote = true;
            }

            var parts = p.Parts(root);
            if (parts.Count > 1 && parts.Where(i => p.Sheet.Report.Funds[i].Rate < p.LowExecution).OrderBy(i => p.Sheet.Report.Funds[i].Rate).FirstOrDefault(-1) is var low && low >= 0)
            {
                string label = DepartmentBudget.PartsLabel(p.Sheet.Evaluation, parts.Select(i => p.Sheet.Evaluation.Funds.Lines[i].Name)) == "支出类别" ? "支出类别" : "来源";
                sb.Append('分').Append(label).Append("看，").Append(p.Sheet.Evaluation.Funds.Lines[low].Name.Trim()).Append("执行率").Append(p.Fact($"funds.lines[{low}].rate")).Append("，执行进度最慢。");
            }
        }

        if (!wrote)
        {
            sb.Append("资金管理情况见自评表。");
        }

        sb.Append('\n');
        notes.Add(new ReviewNote(ReviewNoteKinds.Supply,
            "资金管理部分请按实际情况补充：分配方式和依据的管理办法、资金下达的时间和文号、拨付方式（国库集中支付等）、是否专款专用、审计或监督检查发现的问题及整改情况。自评表中没有这些信息，正文未代为填写。",
            Part: "二"));
        foreach (ReportPrecedent pr in precedents.Take(3))
        {
            string excerpt = pr.Text.Length > 120 ? pr.Text[..120] + "…" : pr.Text;
            notes.Add(new ReviewNote(ReviewNoteKinds.CheckPrecedent, $"往年报告写法可参考 [S{pr.Number}]《{pr.Title}》{pr.SectionPath}：“{excerpt}”", Part: "二"));
        }
    }

    private static void Overall(ReportPhrases p, StringBuilder sb)
    {
        ScoreReport report = p.Sheet.Report;
        sb.Append("（三）总体绩效目标完成情况分析\n");
        if (p.Fact("count.indicators") is not { } count)
        {
            return;
        }

        sb.Append("年度共设置三级绩效指标").Append(count);
        int met = report.Indicators.Count(r => r.Status is IndicatorStatus.Met or IndicatorStatus.Exceeded);
        int exceeded = report.Indicators.Count(r => r.Status == IndicatorStatus.Exceeded);
        var weakerRows = report.Indicators.Where(FactSheet.IsWeakerMet).ToList();
        var weakerNames = weakerRows.Select(r => "“" + r.Name.Trim() + "”").ToList();
        var shortRows = report.Indicators.Where(r => r.Status == IndicatorStatus.Short && !FactSheet.IsWeakerMet(r)).ToList();
        var shortNames = shortRows.Select(r => "“" + r.Name.Trim() + "”").ToList();
        // A target of 0 exceeded (因病致贫返贫户数 2户 against 0) is no task left undone: it is named apart, as exceeded (session 42).
        var undoneNames = shortRows.Where(r => r.Rule != IndicatorRule.Zero).Select(r => "“" + r.Name.Trim() + "”").ToList();
        var overZeroNames = shortRows.Where(r => r.Rule == IndicatorRule.Zero).Select(r => "“" + r.Name.Trim() + "”").ToList();
        int weakerMet = weakerRows.Count(r => r.Status == IndicatorStatus.Met);
        int weakerShort = weakerRows.Count - weakerMet;
        // The counts without and of such rows are written as numbers, not facts: the verifier reads them through the
        // count rule (a count of rows met or short that leaves out weaker rows is right), and no fact of its own matches stray numbers.
        string? weaker = weakerNames.Count > 0 ? weakerNames.Count + "项" : null;
        if (met > weakerMet)
        {
            // A weaker qualitative row at full marks is no row that reached its target (part 五 says it is weaker).
            sb.Append("，完成值达到指标值的").Append(weakerMet == 0 ? p.Fact("count.met") : (met - weakerMet) + "项");
            if (exceeded > 0)
            {
                // 优于, not 超过: a ceiling row (新生儿死亡率4.2‰ against ≤5‰) is better than its target by staying below it.
                bool ceiling = report.Indicators.Any(r => r.Status == IndicatorStatus.Exceeded && r.Rule == IndicatorRule.Reverse);
                sb.Append(ceiling ? "（其中优于指标值的" : "（其中超过指标值的").Append(p.Fact("count.exceeded")).Append('）');
            }
        }

        if (weaker is not null)
        {
            sb.Append("，实际效果弱于指标值的").Append(weaker);
        }

        if (shortNames.Count > 0)
        {
            sb.Append("，未达到指标值的").Append(weakerShort == 0 ? p.Fact("count.short") : shortNames.Count + "项");
        }

        int cancelled = report.Indicators.Count(r => r.Rule == IndicatorRule.Cancelled);
        if (cancelled > 0)
        {
            sb.Append("，年度内取消").Append(p.Fact(ReportFacts.CountCancelled));
        }

        sb.Append('。');
        if (undoneNames.Count > 0)
        {
            sb.Append("未完成年度指标值的是").Append(Join(undoneNames)).Append('。');
        }

        if (overZeroNames.Count > 0)
        {
            sb.Append("指标值为0而实际发生、超出年度指标值的是").Append(Join(overZeroNames)).Append('。');
        }

        if (weaker is not null)
        {
            sb.Append("实际效果弱于年度指标值的是").Append(Join(weakerNames)).Append('。');
        }

        if (p.Scored && p.Fact("total") is { } total && report.Grade is { } grade)
        {
            sb.Append("按自评表评分，总分").Append(total).Append("，自评等级为“").Append(grade).Append("”");
            var levels = report.Levels.Where(l => l.ScoreSum is not null && p.Fact($"levels[{l.Level1}].score") is not null).ToList();
            if (levels.Count > 0)
            {
                sb.Append("，其中").Append(string.Join("，", levels.Select(l => $"{l.Level1}得分{p.Fact($"levels[{l.Level1}].score")}（分值{p.Fact($"levels[{l.Level1}].weight")}）")));
            }

            sb.Append('。');
        }

        sb.Append('\n');
    }

    private static void Indicators(ReportPhrases p, StringBuilder sb, List<ReviewNote> notes)
    {
        Evaluation e = p.Sheet.Evaluation;
        sb.Append("（四）绩效指标完成情况分析\n");
        var level1s = Enumerable.Range(0, e.Indicators.Count).GroupBy(i => ReportFacts.Level1Of(e.Indicators[i].Level1)).ToList();
        int n1 = 0;
        int groups = 0;
        foreach (var g1 in level1s)
        {
            n1++;
            var head = new StringBuilder($"{n1}.{g1.Key}完成情况。");
            if (p.Scored && p.Fact($"levels[{g1.Key}].weight") is { } w && p.Fact($"levels[{g1.Key}].score") is { } s)
            {
                head.Append(g1.Key).Append("分值").Append(w).Append("，得分").Append(s).Append('。');
            }

            sb.Append(head).Append('\n');
            int n2 = 0;
            foreach (var g2 in g1.GroupBy(i => ReportFacts.Level2Of(e.Indicators[i].Level2)))
            {
                n2++;
                var sentences = new List<string>();
                // Session 39: the rows that reached their targets (met, or over them) come first in the table's order and the summary
                // (上述各项均达到…) after all of them, never with a row over its target after it; the rows short of their targets
                // (or that cannot be compared) follow.
                bool Reached(int i) => p.IsMet(i) || (p.Sheet.Report.Indicators[i].Status == IndicatorStatus.Exceeded && p.Sheet.Report.Indicators[i].Rule != IndicatorRule.Cancelled);
                var reached = g2.Where(Reached).ToList();
                var met = reached.Where(p.IsMet).ToList();
                if (reached.Count == 1)
                {
                    sentences.Add(p.Indicator(reached[0]) + (met.Count == 1 ? "，达到年度指标值。" : "。"));
                }
                else if (reached.Count > 1)
                {
                    sentences.Add(string.Concat(reached.Select(i => p.Indicator(i) + "。")) + (met.Count > 1 ? MetTogether[groups++ % MetTogether.Length] : string.Empty));
                }

                foreach (int i in g2.Where(i => !Reached(i)))
                {
                    sentences.Add(p.Indicator(i) + "。");
                    if (p.Sheet.Report.Indicators[i].Status == IndicatorStatus.Unknown && p.Sheet.Report.Indicators[i].Rule != IndicatorRule.Cancelled && e.Indicators[i].Target is { Length: > 0 })
                    {
                        notes.Add(new ReviewNote(ReviewNoteKinds.Finding, $"“{e.Indicators[i].Name.Trim()}”的指标值或完成值无法比较，正文未写完成程度，请核对自评表的填写。", IndicatorIndex: i, IndicatorName: e.Indicators[i].Name, Part: "二"));
                    }
                }

                sb.Append('（').Append(n2).Append('）').Append(g2.Key).Append("：").Append(string.Concat(sentences)).Append('\n');
            }
        }
    }

    /// <summary>How a group of met indicators is summed up, varied so the report does not repeat one sentence.</summary>
    private static readonly string[] MetTogether = ["以上指标均达到年度指标值。", "上述各项均达到年度目标要求。", "这几项指标均按年度指标值完成。", "以上各项均实现年度目标。"];

    private static string Join(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : string.Join("、", names.Take(names.Count - 1)) + "和" + names[^1];
}
