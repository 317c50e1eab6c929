using Assistant.Domain.Cells;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Scoring;

/// <summary>
/// How a row's completion reads to a person. 完成值 ÷ 指标值 is a 完成率 only on a positive row: on a
/// reverse row (≤ a cap, lower is better) 3.6 against ≤2 is 180 %, which reads as over-achievement.
/// Such a row is described by how far it lies over (超出上限) or under (低于上限) its cap instead, so no
/// answer, draft, report or review list shows a reverse row's ratio as a 完成率.
/// </summary>
public static class CompletionWords
{
    /// <summary>The completion to show as 完成率: the calculator's, except on a reverse row (null there).</summary>
    public static decimal? Shown(IndicatorResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return r.Rule == IndicatorRule.Reverse ? null : r.Completion;
    }

    /// <summary>A reverse row's distance from its cap (超出上限1.6万元, 低于上限1.5元); null on other rows or at the cap.</summary>
    public static string? Limit(IndicatorResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return r.Rule == IndicatorRule.Reverse && Gap(r) is { } g
            ? (r.Status == IndicatorStatus.Short ? "超出上限" : "低于上限") + UnitSpec.Write(g.Number, g.Unit)
            : null;
    }

    /// <summary>|指标值 − 完成值| as printed (the more decimals of target and actual) and its unit (个百分点 between percentages); null when none.</summary>
    public static (string Number, string Unit)? Gap(IndicatorResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (r.Gap is not { } g || g == 0 || r.GapUnit is not { } unit)
        {
            return null;
        }

        int d = Math.Max((r.Target as QuantityCell)?.Number.Decimals ?? 0, (r.Actual as QuantityCell)?.Number.Decimals ?? 0);
        return (PrintedNumber.Format(g, d), unit == "%" ? "个百分点" : unit);
    }

    /// <summary>完成率97.60% on a positive row, 超出上限1.6万元 on a reverse one; null when neither is known.</summary>
    public static string? Describe(IndicatorResult r) =>
        Shown(r) is { } c ? string.Concat("完成率", PrintedNumber.Format(c * 100m, 2), "%") : Limit(r); // "完成率" + Calculator.Pct(c), one string fewer

    /// <summary>
    /// A share of the target reached that compares rows of both directions: the 完成率 of a positive row,
    /// the share of its 分值 a reverse row earned (得分 ÷ 分值); null when not known.
    /// </summary>
    public static decimal? Comparable(IndicatorResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return r.Rule != IndicatorRule.Reverse ? r.Completion
            : r.Score is { } s && r.Weight is { } w && w > 0 ? s / w : null;
    }
}
