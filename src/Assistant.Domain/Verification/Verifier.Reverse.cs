using Assistant.Domain.Cells;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Verification;

/// <summary>How a contradiction names the row's own figure; on a reverse (上限) row, by its ceiling, not a 完成率 above 100 %.</summary>
public sealed partial class Verifier
{
    /// <summary>
    /// “培训教师人次”的完成率为90.00%: the row's fact the number should have been. On a reverse row (≤ a ceiling) the 完成率
    /// 完成值 ÷ 指标值 (55‰ ÷ 50‰ = 110.00%) reads as over-achievement on a row that went over its limit: the note says
    /// the actual, the ceiling it broke (or kept) and 指标值 ÷ 完成值 (90.91%) as well — the two 完成率 a ≤ row verifies by.
    /// </summary>
    internal static string RowFactNote(FactSheet sheet, Fact fact, int row)
    {
        string rowName = sheet.Evaluation.Indicators[row].Name;
        string plain = $"“{rowName}”{OwnLabel(fact.Label.Replace(rowName, string.Empty, StringComparison.Ordinal))}为{fact.Text}";
        if (sheet.Report.Indicators[row] is not { Rule: IndicatorRule.Reverse, Target: QuantityCell t, Actual: QuantityCell a } r
            || !fact.Id.EndsWith(".completion", StringComparison.Ordinal) || !t.EffectiveUnit.Equals(a.EffectiveUnit)
            || t.Number.Value <= 0 || a.Number.Value <= 0)
        {
            return plain;
        }

        string target = UnitSpec.Write(t.Number.ToString(), t.EffectiveUnit.Text), actual = UnitSpec.Write(a.Number.ToString(), a.EffectiveUnit.Text);
        return r.Status == IndicatorStatus.Short
            ? $"“{rowName}”是上限指标（≤{target}），完成值{actual}，{Scoring.CompletionWords.Limit(r) ?? "超出上限"}；按指标值÷完成值计算为{PrintedNumber.Format(t.Number.Value / a.Number.Value * 100m, 2)}%（完成值÷指标值为{fact.Text}）"
            : $"“{rowName}”是上限指标（≤{target}），完成值{actual}，未超出上限，按满分计；完成值÷指标值为{fact.Text}（指标值÷完成值只用于超出上限的指标）";
    }
}
