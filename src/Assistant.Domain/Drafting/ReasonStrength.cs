using System.Globalization;
using System.Text.RegularExpressions;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Drafting;

/// <summary>
/// Judges the reasons a unit stated in its table. A stated reason is kept in the draft; when it cannot
/// explain the gap (a money reason for a headcount shortfall, one sentence for a target missed by
/// 95 %, a restatement of the result, the same words for very different gaps, quantities that cover only part
/// of the gap) the review notes say why.
/// </summary>
public static partial class ReasonStrength
{
    /// <summary>Notes on the stated reasons of <paramref name="items"/> that are weak, in item order.</summary>
    public static IReadOnlyList<ReviewNote> Judge(FactSheet sheet, IReadOnlyList<DeviationItem> items)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(items);
        var notes = new List<ReviewNote>();
        foreach (DeviationItem item in items)
        {
            if (Weakness(sheet, item) is { } why)
            {
                notes.Add(new ReviewNote(ReviewNoteKinds.WeakReason, why, item.Id, item.IndicatorIndex, item.Name));
            }
        }

        foreach (var group in items.Where(i => i.StatedReason is not null && i.Kind != DeviationKind.Cancelled)
                     .GroupBy(i => Precedent.Key(i.StatedReason!), StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            string spread = Spread(sheet, group.ToList()) is { } figures
                ? $"，而这些指标的完成情况相差很大（{figures}），同一句话不能同时解释各自的差距"
                : string.Empty;
            string names = string.Join("、", group.Select(i => $"“{i.Name}”"));
            DeviationItem first = group.First();
            notes.Add(new ReviewNote(ReviewNoteKinds.RepeatedReason,
                $"{names}{group.Count()}项填报了同一原因“{first.StatedReason}”{spread}；请单位分别说明每项的具体原因。",
                first.Id, first.IndicatorIndex, first.Name));
        }

        return notes;
    }

    /// <summary>Why one stated reason is weak, or null.</summary>
    public static string? Weakness(FactSheet sheet, DeviationItem item)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(item);
        if (item.StatedReason is not { } stated)
        {
            return null;
        }

        string s = stated.Trim();
        if (Restatement().IsMatch(s))
        {
            return item.Kind == DeviationKind.Cancelled
                ? $"单位对“{item.Name}”只填写了“{s}”，没有说明取消的原因和审批依据；被取消的指标仍计分值，请补充原因并按程序调整。"
                : $"单位对“{item.Name}”填写的“{s}”只重复了结果，没有说明原因；请补充具体原因。";
        }

        if (item.Kind is DeviationKind.Shortfall or DeviationKind.LowExecution && Review.ReasonQuality.IsMeasureOnly(s))
        {
            return $"单位对“{item.Name}”填写的“{s}”只是工作措施，没有说明为什么没有完成{GapText(sheet, item)}；请补充造成差距的具体原因和数据。";
        }

        if (item.Kind != DeviationKind.Cancelled && Review.ReasonQuality.OutOfPeriodCause(s, sheet.Evaluation.Year) is { } dated)
        {
            return $"单位对“{item.Name}”填写的原因“{s}”把偏差归于{dated.Name}，而这是{sheet.Evaluation.Year}年度的自评表（{dated.Period}），这一原因与年度不符；请核实并写明本年度造成差距的实际原因和数据。";
        }

        if (item.Kind is DeviationKind.Shortfall or DeviationKind.QualitativeWeaker or DeviationKind.Late or DeviationKind.LowExecution && IsBoilerplate(s))
        {
            return $"单位对“{item.Name}”填写的“{s}”是笼统的套话，没有说明具体是哪些因素、各造成多少差距{GapText(sheet, item)}；请补充具体原因和数据。";
        }

        Evaluation e = sheet.Evaluation;
        Nature nature = PrecedentFit.NatureOf(item, e);
        decimal? completion = Completion(sheet, item);
        string gap = GapText(sheet, item);
        // Money that arrived late is a matter of time (a 及时率 or a schedule row is short because of it), not of
        // which money paid first.
        bool fundingOnly = FundingSource().IsMatch(s) && !PeopleCause().IsMatch(s) && !DraftPhrases.IsLateArrival(s);
        if (fundingOnly && item.Kind == DeviationKind.Shortfall && nature != Nature.Money)
        {
            string what = IsRateRow(sheet, item) ? "差距" : "人数（数量）差距";
            return $"“{s}”说明的是资金使用顺序，不能解释“{item.Name}”{gap}的{what}；请单位补充服务对象、需求或工作推进方面的具体原因。";
        }

        if (fundingOnly && item.Kind == DeviationKind.Shortfall && completion is { } mc && mc < 0.50m)
        {
            return $"“{s}”只说明了资金来源，没有说明上级资金实际承担了多少、本级预算为何仍按原额安排，不足以解释“{item.Name}”{gap}的差距；请补充上级资金的支出数和本级结余的处理方式。";
        }

        if (item.Kind == DeviationKind.Shortfall && completion is { } c && c < 0.50m && Precedent.Key(s).Length <= 10)
        {
            return $"“{item.Name}”{gap}，差距很大，而单位的说明只有“{s}”一句，不足以解释；请补充具体原因和数据。";
        }

        if (item.Kind == DeviationKind.Shortfall && OvershootWords().IsMatch(s))
        {
            return $"“{s}”说的是超额的原因，而“{item.Name}”未完成；请核对原因是否填错行。";
        }

        // The reason's own quantities cover only part of the gap (96万元 of a 335.70万元 结余, 2座 of 5座).
        if (item.Kind is DeviationKind.Shortfall or DeviationKind.LowExecution && GapAccounting.Of(sheet, item.Path, s) is { Whole: false } part)
        {
            string what = item.FundLineIndex is not null ? "结余" : "差距";
            string Q(decimal v) => UnitSpec.Write(PrintedNumber.Format(v, part.Decimals), part.Unit);
            return $"单位对“{item.Name}”的说明只交代了{Q(part.Stated)}，而{what}为{Q(part.Gap)}，其余{Q(part.Rest)}没有说明原因；请单位补充其余部分的原因和数据。";
        }

        return null;
    }

    /// <summary>A row measured as a rate (%, ‰): its gap is in points, not in people or things.</summary>
    private static bool IsRateRow(FactSheet sheet, DeviationItem item) =>
        item.IndicatorIndex is { } i && i < sheet.Evaluation.Indicators.Count
        && (sheet.Evaluation.Indicators[i].Unit is { } u && (u.Contains('%', StringComparison.Ordinal) || u.Contains('‰', StringComparison.Ordinal))
            || sheet.Evaluation.Indicators[i].Name.Contains("率", StringComparison.Ordinal));

    /// <summary>
    /// A reason that names no cause of its own: “受多种因素影响”, “受资金下达较晚等客观因素影响，项目推进不及时”
    /// (a catch-all 等客观因素 or 多种因素, without a figure), or one the reviewers' check finds vague (工作推进不够到位).
    /// </summary>
    public static bool IsBoilerplate(string? reason) =>
        reason is { Length: > 0 } r && ((Boilerplate().IsMatch(r) && !r.Any(char.IsAsciiDigit)) || Review.ReasonQuality.IsVague(r));

    /// <summary>
    /// The figures of items that share one reason, when they lie far apart (≥ 30 points of the target reached):
    /// the range of the 完成率 / 执行率 of positive rows and fund lines, and each reverse row by how far it is
    /// over its cap (its ratio, 133.33 % for 1.2‰ against ≤0.9‰, would read as over-achievement). Reverse rows
    /// compare by the share of their 分值 they earned.
    /// </summary>
    private static string? Spread(FactSheet sheet, IReadOnlyList<DeviationItem> items)
    {
        var rates = new List<decimal>();
        var limits = new List<string>();
        var comparable = new List<decimal>();
        foreach (DeviationItem item in items)
        {
            IndicatorResult? r = item.IndicatorIndex is { } i ? sheet.Report.Indicators[i] : null;
            if (r is { Rule: IndicatorRule.Reverse })
            {
                if (CompletionWords.Comparable(r) is { } share)
                {
                    comparable.Add(share);
                }

                if (CompletionWords.Limit(r) is { } limit)
                {
                    limits.Add($"“{item.Name}”{limit}");
                }
            }
            else if (Completion(sheet, item) is { } c)
            {
                rates.Add(c);
                comparable.Add(c);
            }
        }

        if (comparable.Count < 2 || comparable.Max() - comparable.Min() < 0.30m)
        {
            return null;
        }

        var parts = new List<string>();
        if (rates.Count > 0)
        {
            parts.Add(rates.Count == 1 || rates.Min() == rates.Max() ? $"完成率{Pct(rates[0])}" : $"完成率{Pct(rates.Min())}至{Pct(rates.Max())}");
        }

        parts.AddRange(limits);
        return parts.Count == 0 ? null : string.Join("，", parts);
    }

    /// <summary>An item's 完成率 (or a fund line's 执行率), when known.</summary>
    public static decimal? Completion(FactSheet sheet, DeviationItem item)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(item);
        return item.IndicatorIndex is { } i ? sheet.Report.Indicators[i].Completion
            : item.FundLineIndex is { } f ? sheet.Report.Funds[f].Rate : null;
    }

    private static string GapText(FactSheet sheet, DeviationItem item)
    {
        string? target = sheet.Find(item.Path + ".target")?.Text;
        string? actual = sheet.Find(item.Path + ".actual")?.Text;
        return target is not null && actual is not null ? $"（指标值{target}，完成{actual}）" : string.Empty;
    }

    private static string Pct(decimal share) => PrintedNumber.Format(share * 100m, 2) + "%";

    [GeneratedRegex(@"^(?:指标(?:已|被)?取消|已取消|取消|未完成|未达到|未达标|完成较少|数量减少|无|不适用|正常|据实|按实际)[。.]?$")]
    private static partial Regex Restatement();

    [GeneratedRegex(@"优先使用|中央资金|自治区资金|省级资金|上级资金|中央及|资金来源|本级资金|资金安排")]
    private static partial Regex FundingSource();

    [GeneratedRegex(@"人数|人员|对象|需求|意愿|申报|企业|岗位|减少|不足")]
    private static partial Regex PeopleCause();

    [GeneratedRegex(@"(?:多种|多方面|各种|诸多|客观|主客观|综合)(?:因素|原因)")]
    private static partial Regex Boilerplate();

    [GeneratedRegex(@"超额|超出|需求旺盛|高于预期")]
    private static partial Regex OvershootWords();
}
