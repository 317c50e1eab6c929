using Assistant.Domain.Cells;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Scoring;

/// <summary>
/// The qualitative rule (定性指标): a 完成值 in words against its 指标值 — the same words, a yes or a no, a weaker
/// grade word (效果良好 against 效果显著), a partial or a missed result — and the grade bands (<see cref="QualitativeGrade"/>)
/// a stated 评价等级 or a printed score falls in. The deadline rule's misses are graded here too.
/// </summary>
public static partial class Calculator
{
    private static IndicatorResult ScoreQualitative(in Builder b, Cell target, Cell actual, Indicator indicator, ScoringPolicy policy)
    {
        if (actual is MissingCell)
        {
            return b.Done(IndicatorRule.Unscorable, IndicatorStatus.Unknown, null, "实际完成值缺失，无法计分");
        }

        if (indicator.Grade is { } grade)
        {
            return Graded(b, indicator, policy, grade, $"评价等级为“{grade.ToChinese()}”");
        }

        if (SameText(target.Text, actual.Text))
        {
            return target is CompoundCell
                ? b.Done(IndicatorRule.Restated, IndicatorStatus.Met, b.Weight, "完成值重述指标值，视为达成，得满分")
                : b.Done(IndicatorRule.Qualitative, IndicatorStatus.Met, b.Weight, "完成值与指标值表述一致，视为达成，得满分");
        }

        if (target is CompoundCell)
        {
            return b.Done(IndicatorRule.Unscorable, IndicatorStatus.Unknown, null,
                $"指标值“{target.Text.Trim()}”含多个数值，无法与完成值“{actual.Text.Trim()}”比较");
        }

        // A yes or a no: it agrees with the target or it does not (否 against 是; 否 against 无安全事故 agrees).
        if (actual is QualitativeCell && CellParser.YesNo(actual.Text) is { } yes)
        {
            bool expected = CellParser.YesNo(target.Text) ?? !CellParser.IsNegativePhrase(target.Text);
            return yes == expected
                ? b.Done(IndicatorRule.Qualitative, IndicatorStatus.Met, b.Weight, $"完成值“{actual.Text.Trim()}”与指标值“{target.Text.Trim()}”一致，视为达成，得满分")
                : Graded(b, indicator, policy, QualitativeGrade.NotAchieved, $"完成值“{actual.Text.Trim()}”与指标值“{target.Text.Trim()}”相反，未达成");
        }

        int? actualLevel = actual is QualitativeCell aq ? aq.Level : null;
        if (actualLevel == 0)
        {
            return Graded(b, indicator, policy, QualitativeGrade.NotAchieved, $"完成值“{actual.Text.Trim()}”表明未达成");
        }

        if (actual is QualitativeCell && CellParser.IsPartial(actual.Text))
        {
            return Graded(b, indicator, policy, QualitativeGrade.Partial, $"完成值“{actual.Text.Trim()}”表明部分达成");
        }

        if (IsWeaker(target, actual))
        {
            // A weaker word than the target: if the table gave less than full marks, that is the
            // evaluator's judgement within the grade bands; otherwise full marks, and a finding.
            if (b.Weight is { } w && indicator.PrintedScore is { } p && p.Value < w && p.Value >= 0)
            {
                QualitativeGrade g = p.Value >= w * policy.QualitativeBandLow[QualitativeGrade.Achieved] ? QualitativeGrade.Achieved
                    : p.Value >= w * policy.QualitativeBandLow[QualitativeGrade.Partial] ? QualitativeGrade.Partial : QualitativeGrade.NotAchieved;
                return b.Done(IndicatorRule.Qualitative, IndicatorStatus.Short, p.Value,
                    $"完成值“{actual.Text.Trim()}”弱于指标值“{target.Text.Trim()}”，按表中评定{PrintedNumber.FormatTrimmed(p.Value)}分（{g.ToChinese()}档）");
            }

            // Not met: the target's grade was not reached (效果良好 against 效果显著). Without a grade or a lower
            // printed score the row stays in the 达成 band at its default share, and the reviewer gets a finding.
            QualitativeGrade band = QualitativeGrade.Achieved;
            return b.Done(IndicatorRule.Qualitative, IndicatorStatus.Short, b.Weight is { } fw ? fw * policy.QualitativeDefaultShare[band] : null,
                $"完成值“{actual.Text.Trim()}”弱于指标值“{target.Text.Trim()}”，未达到指标值；未给出评价等级，按“{band.ToChinese()}”档计分（需复核）");
        }

        return b.Done(IndicatorRule.Qualitative, IndicatorStatus.Met, b.Weight,
            actualLevel is null
                ? $"定性指标，完成值“{actual.Text.Trim()}”未给出等级，按达成计满分"
                : $"定性指标，完成值“{actual.Text.Trim()}”达到指标值“{target.Text.Trim()}”，得满分");
    }

    /// <summary>
    /// Whether a qualitative result is worded weaker than its target but not as a miss (效果良好 against
    /// 效果显著, 基本满意 against 满意). A target with no grade word (持续优化, 提高服务水平) is met by a
    /// plain result, not by 一般 or 基本. Both worded as a degree and a verb (有所缩小 against 逐步缩小, 持续提升 against 明显提升),
    /// the degrees' ranking decides (session 40, <see cref="DegreeWords"/>), the one the verifier's degree claims use.
    /// </summary>
    internal static bool IsWeaker(Cell target, Cell actual) =>
        target is QualitativeCell t && actual is QualitativeCell a
        && (DegreeWords.Weaker(t.Text, a.Text) ?? (a.Level is { } al && al > 0 && (t.Level ?? (al == 1 ? 2 : null)) is { } tl && al < tl));

    // late: a missed deadline with no grade of the unit's and no printed score below the 达成 band — the score is the policy's
    // rule for late rows (ScoringPolicy.LateDeadlineGrade), and the trace says so, never "a default".
    private static IndicatorResult Graded(in Builder b, Indicator indicator, ScoringPolicy policy, QualitativeGrade grade, string why, bool late = false)
    {
        IndicatorStatus status = grade == QualitativeGrade.Achieved ? IndicatorStatus.Met : IndicatorStatus.Short;
        if (b.Weight is not { } w)
        {
            return b.Done(IndicatorRule.Qualitative, status, null, $"{why}（{grade.ToChinese()}）");
        }

        decimal low = w * policy.QualitativeBandLow[grade];
        decimal high = grade switch
        {
            QualitativeGrade.Achieved => w,
            QualitativeGrade.Partial => w * policy.QualitativeBandLow[QualitativeGrade.Achieved],
            _ => w * policy.QualitativeBandLow[QualitativeGrade.Partial],
        };
        bool inBand = indicator.PrintedScore is { } p && p.Value >= low && (p.Value < high || (grade == QualitativeGrade.Achieved && p.Value <= high));
        decimal score = inBand ? indicator.PrintedScore!.Value.Value : w * policy.QualitativeDefaultShare[grade];
        string how = inBand
            ? $"表中评定{PrintedNumber.FormatTrimmed(score)}分，在“{grade.ToChinese()}”档（{PrintedNumber.FormatTrimmed(low)}–{PrintedNumber.FormatTrimmed(high)}分）内"
            : late
                ? $"表中未给出评价等级，按评分规则“{policy.Title}”，时效指标未按期完成计入“{grade.ToChinese()}”档（{PrintedNumber.FormatTrimmed(low)}–{PrintedNumber.FormatTrimmed(high)}分），按该档比例{Pct(policy.QualitativeDefaultShare[grade])}计{Fmt(score)}分"
                : $"按“{grade.ToChinese()}”档默认比例{Pct(policy.QualitativeDefaultShare[grade])}计{Fmt(score)}分";
        // The band is the evaluator's room, not a rounding interval: the score is a point, so a printed total
        // that takes another score inside (or outside) the band is not called consistent through rounding.
        return b.Done(IndicatorRule.Qualitative, status, score, $"{why}，{how}") with { Band = grade, BandDefault = !inBand, LateRule = late && !inBand };
    }
}
