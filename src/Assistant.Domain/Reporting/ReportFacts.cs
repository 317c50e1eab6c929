using Assistant.Domain.Cells;
using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Reporting;

/// <summary>
/// The calculator's facts plus the few counts and printed weights a whole report states (indicators per
/// 一级/二级, cancelled and unset indicators, the total weight a table should add up to). A report is
/// rendered and verified against this sheet, so these numbers are checked like any other.
/// </summary>
public static class ReportFacts
{
    public const string WeightsExpected = "weights.expected";
    public const string CountCancelled = "count.cancelled";
    public const string CountUnset = "count.unset";

    public static string Level1Count(string level1) => $"count.level1[{level1}]";

    public static string Level2Count(string level1, string level2) => $"count.level2[{level1}/{level2}]";

    public static string LevelPrintedWeight(string level1) => $"levels[{level1}].printedWeight";

    /// <summary>The sheet with the report's extra facts appended (ids never collide with the calculator's).</summary>
    public static FactSheet Extend(FactSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        if (sheet.Find(CountCancelled) is not null)
        {
            return sheet;
        }

        var extra = new List<Fact>();
        var e = sheet.Evaluation;
        foreach (var g1 in e.Indicators.GroupBy(i => Level1Of(i.Level1)))
        {
            extra.Add(new Fact(Level1Count(g1.Key), $"{g1.Key}个数", g1.Count(), "项", 0, FactKind.Derived));
            foreach (var g2 in g1.GroupBy(i => Level2Of(i.Level2)))
            {
                extra.Add(new Fact(Level2Count(g1.Key, g2.Key), $"{g1.Key}中{g2.Key}个数", g2.Count(), "项", 0, FactKind.Derived));
            }
        }

        extra.Add(new Fact(CountCancelled, "已取消的指标个数", sheet.Report.Indicators.Count(r => r.Rule == IndicatorRule.Cancelled), "项", 0, FactKind.Derived));
        extra.Add(new Fact(CountUnset, "未设定指标值的指标个数", sheet.Report.Indicators.Count(r => r.Target is MissingCell), "项", 0, FactKind.Derived));
        if (e.Kind == Evaluations.EvaluationKind.Project)
        {
            decimal expected = e.PrintedWeightTotal?.Value ?? 100m;
            extra.Add(new Fact(WeightsExpected, "总分值", expected, "分", 0, FactKind.Input));
            foreach (var lw in e.LevelWeights)
            {
                extra.Add(new Fact(LevelPrintedWeight(lw.Level1), $"{lw.Level1}表头分值", lw.Weight.Value, "分", lw.Weight.Decimals, FactKind.Input));
            }
        }

        return sheet with { Facts = sheet.Facts.Concat(extra).ToList() };
    }

    public static string Level1Of(string? level1) => string.IsNullOrWhiteSpace(level1) ? "其他指标" : level1.Trim();

    public static string Level2Of(string? level2) => string.IsNullOrWhiteSpace(level2) ? "其他" : level2.Trim();
}
