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

    /// <summary>
    /// 孕产妇死亡率完成率115.00% (session 35, files probe 34 #7): on a ≤ row that broke its limit, 完成值 ÷ 指标值 above 100 %
    /// written as the row's 完成率 reads as over-achievement on a row that failed. The arithmetic is right, the statement is not:
    /// contradicted, the note saying by how much the row exceeded its limit and that it did not over-achieve (指标值 ÷ 完成值,
    /// below 100 %, keeps verifying). <paramref name="hit"/> is the verified match of a number the words call a 完成率.
    /// </summary>
    public static CheckedMention? OverTheLimit(FactSheet sheet, CheckedMention hit)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(hit);
        if (hit.Verdict != Verdict.Verified || hit.FactId is not { } id || !id.StartsWith("indicators[", StringComparison.Ordinal)
            || !id.EndsWith("].completion", StringComparison.Ordinal) || hit.Mention.Number is not { Value: > 100m }
            || !int.TryParse(id.AsSpan("indicators[".Length, id.IndexOf(']', StringComparison.Ordinal) - "indicators[".Length), out int row)
            || row < 0 || row >= sheet.Report.Indicators.Count)
        {
            return null;
        }

        if (sheet.Report.Indicators[row] is not { Rule: IndicatorRule.Reverse, Status: IndicatorStatus.Short, Target: QuantityCell t, Actual: QuantityCell a }
            || !t.EffectiveUnit.Equals(a.EffectiveUnit) || t.Number.Value <= 0 || a.Number.Value <= t.Number.Value)
        {
            return null;
        }

        string rowName = sheet.Evaluation.Indicators[row].Name.Trim();
        string target = UnitSpec.Write(t.Number.ToString(), t.EffectiveUnit.Text), actual = UnitSpec.Write(a.Number.ToString(), a.EffectiveUnit.Text);
        string over = PrintedNumber.Format((a.Number.Value - t.Number.Value) / t.Number.Value * 100m, 2);
        string inverse = PrintedNumber.Format(t.Number.Value / a.Number.Value * 100m, 2);
        return hit with
        {
            Verdict = Verdict.Contradicted,
            Note = $"“{rowName}”是上限指标（≤{target}），完成值{actual}超出上限{over}%，未完成、未超额完成；完成率写作{hit.Mention.Text.Trim()}会被读作超额完成，"
                + $"应写超出上限的幅度，或按指标值÷完成值计算为{inverse}%",
        };
    }
}
