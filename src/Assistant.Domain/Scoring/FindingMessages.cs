using Assistant.Domain.Cells;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Scoring;

/// <summary>
/// The reconciliation's most frequent messages kept as their parts (session 42): a shortfall not explained, a cell's unit
/// other than the unit column's, a qualitative actual weaker than its target but scored in full. <see cref="FindingMessage.Build"/> is the
/// sentence the reconciliation built before (the same interpolation); <see cref="FindingMessage.TryWrite"/> writes the same characters into
/// a span without a string (a test holds the two equal on every finding of the real and generated tables).
/// </summary>
internal static class FindingMessages
{
    /// <summary>A cell as a message quotes it: trimmed, or 空 when blank.</summary>
    internal static string Shown(string? cell) => string.IsNullOrWhiteSpace(cell) ? "空" : cell.Trim();

    private static ReadOnlySpan<char> ShownSpan(string? cell) => string.IsNullOrWhiteSpace(cell) ? "空" : cell.AsSpan().Trim();

    /// <summary>“名称”未完成年度指标（指标值…，完成值…，完成率…），未说明偏差原因.</summary>
    internal sealed class Shortfall(Indicator indicator, IndicatorResult result) : FindingMessage
    {
        public override string Build()
        {
            // The cells are quoted once: a row without a completion says only what the words make of it (if anything).
            string? detail = CompletionWords.Describe(result) ?? (Calculator.IsWeaker(result.Target, result.Actual) ? "实际效果弱于指标值" : null);
            return $"“{indicator.Name}”未完成年度指标（指标值{Shown(indicator.Target)}，完成值{Shown(indicator.Actual)}{(detail is null ? string.Empty : "，")}{detail}），未说明偏差原因";
        }

        public override bool TryWrite(Span<char> destination, out int written)
        {
            ReadOnlySpan<char> head = "，";
            if (CompletionWords.Shown(result) is { } c)
            {
                // CompletionWords.Describe's 完成率97.60%: the percent as PrintedNumber.Format(c × 100, 2) writes it.
                return destination.TryWrite(
                    $"“{indicator.Name}”未完成年度指标（指标值{ShownSpan(indicator.Target)}，完成值{ShownSpan(indicator.Actual)}{head}完成率{PrintedText.Fixed(c * 100m, 2)}%），未说明偏差原因",
                    out written);
            }

            string? detail = CompletionWords.Limit(result) ?? (Calculator.IsWeaker(result.Target, result.Actual) ? "实际效果弱于指标值" : null);
            if (detail is null)
            {
                head = ReadOnlySpan<char>.Empty;
            }

            return destination.TryWrite(
                $"“{indicator.Name}”未完成年度指标（指标值{ShownSpan(indicator.Target)}，完成值{ShownSpan(indicator.Actual)}{head}{detail}），未说明偏差原因",
                out written);
        }
    }

    /// <summary>“名称”的指标值“…”写明单位“…”，与计量单位栏“…”不一致….</summary>
    internal sealed class UnitColumn(string name, bool target, QuantityCell odd, string unitColumn) : FindingMessage
    {
        public override string Build() =>
            $"“{name}”的{(target ? "指标值" : "完成值")}“{odd.Text.Trim()}”写明单位“{odd.CellUnit.Base}”，与计量单位栏“{unitColumn.Trim()}”不一致，已按单元格中的单位计算，请核实单位";

        public override bool TryWrite(Span<char> destination, out int written) =>
            destination.TryWrite(
                $"“{name}”的{(target ? "指标值" : "完成值")}“{odd.Text.AsSpan().Trim()}”写明单位“{odd.CellUnit.Base}”，与计量单位栏“{unitColumn.AsSpan().Trim()}”不一致，已按单元格中的单位计算，请核实单位",
                out written);
    }

    /// <summary>“名称”完成值“…”弱于指标值“…”，却按满分…分计，应按评价等级复核.</summary>
    internal sealed class Weaker(Indicator indicator, decimal weight) : FindingMessage
    {
        public override string Build() =>
            $"“{indicator.Name}”完成值“{indicator.Actual?.Trim()}”弱于指标值“{indicator.Target?.Trim()}”，却按满分{PrintedNumber.FormatTrimmed(weight)}分计，应按评价等级复核";

        public override bool TryWrite(Span<char> destination, out int written) =>
            destination.TryWrite(
                $"“{indicator.Name}”完成值“{indicator.Actual.AsSpan().Trim()}”弱于指标值“{indicator.Target.AsSpan().Trim()}”，却按满分{PrintedText.Trimmed(weight)}分计，应按评价等级复核",
                out written);
    }
}
