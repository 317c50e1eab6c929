using System.Text;
using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Reporting;

/// <summary>
/// The offline writer of parts 一, 二, 四 and 五: sentences built from the calculator's facts (every number a
/// fact reference, rendered and verified afterwards), in the order and manner real reports use. What the
/// table cannot tell (how funds were allocated, documents, dates) is never written as the unit's fact:
/// it goes to the review notes, with past reports' wording as a guide.
/// </summary>
public static class ReportComposer
{
    public static ComposedPart Compose(string key, FactSheet sheet, IReadOnlyList<ReportPrecedent> precedents, ScoringPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var phrases = new ReportPhrases(ReportFacts.Extend(sheet), policy);
        return key switch
        {
            ReportParts.Targets => Targets(phrases),
            ReportParts.Performance => PerformancePart.Compose(phrases, precedents ?? []),
            ReportParts.Application => Application(phrases),
            ReportParts.Other => Other(phrases),
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, "part 三 is drafted by the deviation drafter"),
        };
    }

    /// <summary>一、绩效目标分解下达情况: the fund and its sources, then the goals as the indicators break them down.</summary>
    public static ComposedPart Targets(ReportPhrases p)
    {
        ArgumentNullException.ThrowIfNull(p);
        Evaluation e = p.Sheet.Evaluation;
        var notes = new List<ReviewNote>();
        var sb = new StringBuilder();
        sb.Append(ReportParts.Get(ReportParts.Targets).Heading).Append('\n');
        sb.Append("（一）资金安排及分解下达情况\n");
        // The implementer leads where the table puts it in a place below the department's (独山县医疗保障局 under 黔南州医疗保障局):
        // the report is its own; the department is then named as such.
        bool implementerLeads = ReportPhrases.ImplementerPlace(e) is not null;
        string who = implementerLeads ? e.Implementer!.Trim() : string.IsNullOrWhiteSpace(e.Department) ? string.Empty : e.Department.Trim();
        if (p.RootLine() is { } root)
        {
            string id = $"funds.lines[{root}]";
            // A department's whole budget is named as such (武夷山市文化和旅游局2024年度部门整体支出), never by its table's title.
            sb.Append(DepartmentBudget.Is(e) ? DepartmentBudget.Subject(e) : ReportPhrases.YearBefore(e, who)).Append("全年预算数").Append(p.Fact(id + ".budget") ?? "见自评表");
            if (p.Fact(id + ".initialBudget") is { } ib && p.Fact(id + ".adjustment") is { } adj)
            {
                sb.Append("（年初预算数").Append(ib).Append("，年中调整").Append(adj).Append('）');
            }

            var parts = p.Parts(root);
            string list = string.Join("、", parts.Select(i => e.Funds.Lines[i].Name.Trim() + p.Fact($"funds.lines[{i}].budget")));
            if (parts.Count > 0 && p.PartsMismatch(root, parts, "budget") is { } mismatch)
            {
                // Parts that do not add up are no 其中 of the total: listed as the table has them, then the gap.
                sb.Append("。自评表所列").Append(DepartmentBudget.PartsLabel(e, parts.Select(i => e.Funds.Lines[i].Name))).Append("为").Append(list).Append('，').Append(mismatch);
            }
            else
            {
                sb.Append(parts.Count > 0 ? "，其中" + list : string.Empty).Append('。');
            }

            if (implementerLeads && !string.IsNullOrWhiteSpace(e.Department))
            {
                sb.Append("项目主管部门为").Append(e.Department.Trim()).Append('。');
            }
            else if (!string.IsNullOrWhiteSpace(e.Implementer))
            {
                sb.Append("资金由").Append(e.Implementer.Trim()).Append("组织实施。");
            }

            sb.Append('\n');
        }

        notes.Add(new ReviewNote(ReviewNoteKinds.Supply, "请补充资金下达的批次、文号和时间，以及资金分配方式（因素法或项目法），自评表中没有这些信息。", Part: "一"));

        sb.Append("（二）绩效目标设定及分解情况\n");
        var levels = e.Indicators.GroupBy(i => ReportFacts.Level1Of(i.Level1)).ToList();
        if (levels.Count > 0 && p.Fact("count.indicators") is { } count)
        {
            sb.Append("年度总体目标分解为").Append(count).Append("三级绩效指标，其中");
            sb.Append(string.Join("，", levels.Select(g =>
            {
                var subs = g.GroupBy(i => ReportFacts.Level2Of(i.Level2)).Select(s => s.Key + p.Fact(ReportFacts.Level2Count(g.Key, s.Key))).ToList();
                string weight = p.Scored && p.Fact($"levels[{g.Key}].weight") is { } w ? $"，分值{w}" : string.Empty;
                return $"{g.Key}{p.Fact(ReportFacts.Level1Count(g.Key))}（{string.Join("、", subs)}{weight}）";
            })));
            sb.Append("。\n");

            var main = Enumerable.Range(0, e.Indicators.Count)
                .Where(i => p.Sheet.Report.Indicators[i].Target is Cells.QuantityCell && ReportFacts.Level1Of(e.Indicators[i].Level1) == levels[0].Key)
                .Take(6)
                .Select(i => p.Named(i) + p.Cell(i, p.Sheet.Report.Indicators[i].Target, "target"))
                .ToList();
            if (main.Count > 0)
            {
                sb.Append("主要产出目标为：").Append(string.Join("，", main)).Append("。\n");
            }

            var effects = Enumerable.Range(0, e.Indicators.Count)
                .Where(i => ReportFacts.Level1Of(e.Indicators[i].Level1) != levels[0].Key && p.Cell(i, p.Sheet.Report.Indicators[i].Target, "target") is not null)
                .Take(6)
                .Select(i => p.Named(i) + p.Cell(i, p.Sheet.Report.Indicators[i].Target, "target"))
                .ToList();
            if (effects.Count > 0)
            {
                sb.Append("效益和满意度方面的目标为：").Append(string.Join("，", effects)).Append("。\n");
            }
        }

        notes.Add(new ReviewNote(ReviewNoteKinds.Supply, "请核对年度总体目标（预期目标）的表述与批复的绩效目标表一致；如目标分解到下级单位或项目，请补充分解方式。", Part: "一"));
        return new ComposedPart(ReportParts.Targets, sb.ToString(), notes);
    }

    /// <summary>四、绩效自评结果拟应用和公开情况: short, tied to what the score and the items ask for.</summary>
    public static ComposedPart Application(ReportPhrases p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var sb = new StringBuilder();
        sb.Append(ReportParts.Get(ReportParts.Application).Heading).Append('\n');
        ScoreReport report = p.Sheet.Report;
        if (p.Scored && p.Fact("total") is { } total && report.Grade is { } grade)
        {
            sb.Append("本次自评总分").Append(total).Append("，自评等级为“").Append(grade).Append("”。");
        }

        sb.Append("自评结果将作为下一年度预算安排、资金分配和绩效目标设置的重要依据");
        var uses = new List<string>();
        IReadOnlyList<DeviationItem> items = DeviationItems.Find(p.Sheet, p.Policy);
        if (items.Any(i => i.Kind == DeviationKind.LowExecution))
        {
            uses.Add("结合本年度预算执行情况据实核定下一年度预算规模，结余资金按规定统筹使用");
        }

        if (items.Any(i => i.Kind is DeviationKind.Shortfall or DeviationKind.QualitativeWeaker or DeviationKind.Late))
        {
            uses.Add("对未完成的指标逐项分析原因、落实整改");
        }

        if (items.Any(i => i.Kind == DeviationKind.Overshoot))
        {
            uses.Add("参照实际完成情况调整完成值高于指标值较多的指标");
        }

        sb.Append(uses.Count > 0 ? "：" + string.Join("；", uses) + "。" : "。");
        sb.Append("自评报告和自评表按规定报送主管部门和同级财政部门，并按照预算信息公开的要求向社会公开，接受社会监督。\n");
        var notes = new List<ReviewNote>
        {
            new(ReviewNoteKinds.Supply, "请确认自评结果的公开方式（如部门门户网站）和公开时间。", Part: "四"),
        };
        return new ComposedPart(ReportParts.Application, sb.ToString(), notes);
    }

    /// <summary>五、其他需要说明的问题: what the table's findings require the report to disclose, else 无.</summary>
    public static ComposedPart Other(ReportPhrases p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var sb = new StringBuilder();
        var notes = new List<ReviewNote>();
        sb.Append(ReportParts.Get(ReportParts.Other).Heading).Append('\n');
        Evaluation e = p.Sheet.Evaluation;
        ScoreReport report = p.Sheet.Report;
        var lines = new List<string>();

        foreach (IndicatorResult r in report.Indicators.Where(r => r.Rule == IndicatorRule.Cancelled))
        {
            string weight = p.Scored && p.Fact($"indicators[{r.Index}].weight") is { } w ? $"，自评时按分值{w}计分" : string.Empty;
            string reason = e.Indicators[r.Index].DeviationNote is { Length: > 0 } note && !note.Contains("取消", StringComparison.Ordinal) ? $"，原因是{note.Trim().TrimEnd('。')}" : string.Empty;
            lines.Add($"“{r.Name.Trim()}”指标年度内已取消{reason}{weight}。");
            notes.Add(new ReviewNote(ReviewNoteKinds.Finding, $"“{r.Name.Trim()}”指标已取消：请说明取消的原因和依据（批准调整的文件），并确认是否应计分。", IndicatorIndex: r.Index, IndicatorName: r.Name, Part: "五"));
        }

        int unset = report.Indicators.Count(r => r.Target is Cells.MissingCell);
        if (unset > 0 && p.Fact(ReportFacts.CountUnset) is { } u)
        {
            lines.Add($"自评表中有{u}指标未设定年度指标值，仅填报了实际完成值。");
            notes.Add(new ReviewNote(ReviewNoteKinds.Finding, "有指标未设定年度指标值：下一年度申报绩效目标时请补齐指标值。", Part: "五"));
        }

        if (p.Scored && report.Findings.Any(f => f.Code == FindingCodes.WeightsTotal) && p.Fact("weightTotal") is { } wt && p.Fact(ReportFacts.WeightsExpected) is { } we)
        {
            lines.Add($"自评表各项指标分值合计{wt}，与总分值{we}不一致，总分按各项指标实际得分合计计算。");
            notes.Add(new ReviewNote(ReviewNoteKinds.Finding, "分值合计与总分值不一致：请核对各项指标分值，必要时更正自评表后重新评分。", Part: "五"));
        }

        foreach (Finding f in report.Findings.Where(f => f.Code == FindingCodes.WeightsLevel))
        {
            notes.Add(new ReviewNote(ReviewNoteKinds.Finding, f.Message + "：请核对一级指标表头分值与其下各项分值。", Part: "五"));
        }

        // One line per qualitative row: a weaker row scored at full marks gets the line below, not also this one.
        foreach (IndicatorResult r in report.Indicators.Where(r => r.Rule == IndicatorRule.Qualitative && r.Status == IndicatorStatus.Short && !FactSheet.IsWeakerMet(r)))
        {
            if (p.Cell(r.Index, r.Target, "target") is { } t && p.Cell(r.Index, r.Actual, "actual") is { } a)
            {
                // What the calculator did, not what it might have done (probe 38 #9): a printed score inside a band is kept.
                lines.Add(!r.IsLate
                    ? $"“{r.Name.Trim()}”指标值为{t}，实际完成情况为{a}，按定性指标分档评分。"
                    : r.LateRule || r.Band is null
                        ? $"“{r.Name.Trim()}”指标值为{t}，实际完成情况为{a}，未按期完成，按时效指标逾期的评分规则计分。"
                        : r.BandDefault
                            ? $"“{r.Name.Trim()}”指标值为{t}，实际完成情况为{a}，未按期完成，按“{r.Band.Value.ToChinese()}”档的默认比例计分。"
                            : $"“{r.Name.Trim()}”指标值为{t}，实际完成情况为{a}，未按期完成，自评表评定的得分在“{r.Band.Value.ToChinese()}”档内，按表中评分计分。");
            }
        }

        foreach (Finding f in report.Findings.Where(f => f.Code is FindingCodes.TotalPrinted or FindingCodes.IndicatorScorePrinted or FindingCodes.FundsRatePrinted or FindingCodes.FundsScorePrinted or FindingCodes.FundsPartsSum && f.Severity == Severity.Error))
        {
            notes.Add(new ReviewNote(ReviewNoteKinds.Finding, f.Message + "：请更正自评表，报告中的数字以计算结果为准。", Part: "五"));
        }

        if (p.RootLine() is { } root && p.PartsMismatch(root, p.Parts(root)) is { } mismatch)
        {
            // A table error the unit must correct is said where the reader looks, not only beside the text.
            lines.Add("自评表项目资金中，" + mismatch.TrimEnd('。') + "，自评表资金来源数据需核实更正。");
        }

        foreach (IndicatorResult r in report.Indicators.Where(FactSheet.IsWeakerMet))
        {
            // Scored at full marks though the result is weaker: the report says so, not 无.
            if (p.Cell(r.Index, r.Target, "target") is { } t && p.Cell(r.Index, r.Actual, "actual") is { } a)
            {
                lines.Add($"“{r.Name.Trim()}”指标值为{t}，实际完成情况为{a}，实际效果弱于年度指标值，自评表按满分计分，评分档次需按实际效果复核。");
            }
        }

        foreach (Finding f in report.Findings.Where(f => f.Code == FindingCodes.IndicatorQualitativeWeaker))
        {
            notes.Add(new ReviewNote(ReviewNoteKinds.Finding, f.Message + "：请按实际效果评定档次，不宜直接计满分。", Part: "五"));
        }

        sb.Append(lines.Count == 0 ? "无。\n" : string.Join('\n', lines) + "\n");
        return new ComposedPart(ReportParts.Other, sb.ToString(), notes);
    }
}
