using Assistant.Domain.Cells;

namespace Assistant.Domain.Scoring;

public static partial class Calculator
{
    /// <summary>
    /// A target set for several years together (<c>2023—2025年累计≥6</c>) is not due before its last year: the year's
    /// actual is progress towards it, not its completion, so the row is not scored against it (the printed score stands,
    /// as for any row the rules cannot score) and the reason gives the progress. In the period's last year, or when the
    /// evaluation's year is not known, the row is scored against the period's total as usual. Null when the rule does
    /// not apply.
    /// </summary>
    private static string? NotYetDue(QuantityCell target, QuantityCell actual, int? year)
    {
        if (target.PeriodTo is not { } to || year is not { } y || y >= to)
        {
            return null;
        }

        string why = $"指标值“{target.Text.Trim()}”是{target.PeriodText}的累计目标，{y}年度尚未到期，不按年度目标计分";
        if (actual.PeriodTo is null && target.BaseValue > 0m && CellUnits.SameBase(target.EffectiveUnit, actual.EffectiveUnit))
        {
            decimal share = Math.Round(actual.BaseValue / target.BaseValue * 100m, 2, MidpointRounding.AwayFromZero);
            why += $"；完成值“{actual.Text.Trim()}”若为累计数，已完成累计目标的{share:0.00}%";
        }

        return why;
    }
}
