using System.Text.RegularExpressions;
using Assistant.Domain.Cells;
using Assistant.Domain.Facts;

namespace Assistant.Domain.Verification;

/// <summary>
/// Session 39 (probe 38 §3): a wrong gap to the target (孕产妇死亡率18.6/10万，超出控制标准3.4/10万; 供餐学校86所，较目标多2所) is
/// contradicted citing the row's gap, not whichever of its figures lies nearest (the 指标值 15/10万, the 完成值): the words say the
/// number is the distance to the target. A row that met its target exactly has no gap: the note says so.
/// </summary>
public sealed partial class Verifier
{
    /// <summary>
    /// The fact and the note a contradicted number cites when the words right before it call it the row's gap to its target; null
    /// when they do not (the row's nearest figure is cited as before).
    /// </summary>
    internal static (string Id, string Note)? GapNote(FactSheet sheet, int row, Mention m, string before)
    {
        // 超出3.5%: a percentage of the target, not the gap in the row's own unit (the row's nearest figure says more).
        if ((m.Unit.Base == "%" && sheet.Evaluation.Indicators[row].Unit?.Trim() is not "%") || !GapToTarget().IsMatch(before))
        {
            return null;
        }

        if (sheet.Find($"indicators[{row}].gap") is { } gap)
        {
            return (gap.Id, RowFactNote(sheet, gap, row));
        }

        return sheet.Report.Indicators[row] is { Target: QuantityCell t, Actual: QuantityCell a } && t.Number.Value == a.Number.Value && sheet.Find($"indicators[{row}].actual") is { } actual
            ? (actual.Id, $"“{sheet.Evaluation.Indicators[row].Name.Trim()}”的完成值与指标值同为{actual.Text}，没有差距")
            : null;
    }

    /// <summary>超出控制标准, 低于目标值, 较目标多, 比计划少了: the words that make the next number a distance to the target.</summary>
    [GeneratedRegex(@"(?:(?:超出|超过|高于|低于|少于|多于|不足)(?:年度)?(?:预期)?(?:控制)?(?:目标值?|指标值|计划值?|标准值?|控制标准|控制目标|上限值?|下限值?|目标任务|任务)(?:了)?|(?:较|比)(?:年度)?(?:预期)?(?:目标值?|指标值|计划值?|标准值?|控制标准|目标任务|任务)(?:多|少|高|低|超出|超过|增加|减少|下降)(?:了|出)?)\s*$")]
    private static partial Regex GapToTarget();
}
