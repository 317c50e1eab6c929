using Assistant.Domain.Cells;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Tests;

/// <summary>
/// A target set for several years together (probe38 §13: <c>2023—2025年累计≥6</c>, common in 高标准农田, 水利 and 乡村振兴
/// tables) is one quantity of that period: not three numbers, not a date. Before its last year it is not due, so the row is
/// not scored against it and the printed score stands; in its last year it is scored as any quantity.
/// </summary>
public class PeriodTargetTests
{
    [Theory]
    [InlineData("2023—2025年累计≥6", "万亩", 2023, 2025, 6, Comparator.AtLeast)]
    [InlineData("2023-2025年累计≥6", "万亩", 2023, 2025, 6, Comparator.AtLeast)]
    [InlineData("2023年-2025年累计≥6万亩", null, 2023, 2025, 6, Comparator.AtLeast)]
    [InlineData("2024～2026年共完成12万亩", null, 2024, 2026, 12, Comparator.None)]
    [InlineData("2021至2025年累计新增3000户", "户", 2021, 2025, 3000, Comparator.None)]
    [InlineData("2023—2025年≥18", "座", 2023, 2025, 18, Comparator.AtLeast)]
    [InlineData("到2025年累计达到6万亩", null, null, 2025, 6, Comparator.AtLeast)]
    [InlineData("截至2026年底累计≥3000户", null, null, 2026, 3000, Comparator.AtLeast)]
    public void APeriodsTarget_IsOneQuantityOfThePeriod(string text, string? unit, int? from, int to, int value, Comparator cmp)
    {
        QuantityCell q = Assert.IsType<QuantityCell>(CellParser.Read(text, unit));
        Assert.Equal(from, q.PeriodFrom);
        Assert.Equal(to, q.PeriodTo);
        Assert.Equal(value, q.Number.Value);
        Assert.Equal(cmp, q.Comparator);
    }

    [Theory]
    [InlineData("2025—2023年累计≥6")] // backwards
    [InlineData("2000—2025年累计≥6")] // longer than any plan
    [InlineData("到2025年≥6")]         // no 累计/合计: not a period's total
    [InlineData("2023—2025年累计完成")] // no quantity
    public void NotAPeriodsQuantity(string text) =>
        Assert.Null(CellParser.PeriodOf(text, "万亩"));

    [Fact]
    public void AYearlyQuantity_HasNoPeriod()
    {
        QuantityCell q = Assert.IsType<QuantityCell>(CellParser.Read("≥6", "万亩"));
        Assert.Null(q.PeriodTo);
        Assert.Equal(string.Empty, q.PeriodText);
    }

    private static Evaluation Table(int? year, string target, string actual, string printed) => new()
    {
        Kind = EvaluationKind.Project,
        Title = "高标准农田建设项目",
        Year = year,
        Funds = new FundSection(),
        Indicators = [RuleTests.Row(target, actual, "5", unit: "万亩", level2: "数量指标", printed: printed) with { Name = "三年累计建成高标准农田面积" }],
    };

    [Theory]
    [InlineData(2023)]
    [InlineData(2024)]
    public void BeforeItsLastYear_TheRowIsNotScored_ThePrintedScoreStands_AndTheProgressIsGiven(int year)
    {
        ScoreReport report = Calculator.Score(Table(year, "2023—2025年累计≥6", "4.71", "5"));
        IndicatorResult r = Assert.Single(report.Indicators);
        Assert.Equal(IndicatorRule.Unscorable, r.Rule);
        Assert.Null(r.Score);
        Assert.Equal(5m, r.ScoreForTotal);
        Assert.Contains("2023—2025年的累计目标", r.Trace, StringComparison.Ordinal);
        Assert.Contains($"{year}年度尚未到期", r.Trace, StringComparison.Ordinal);
        Assert.Contains("已完成累计目标的78.50%", r.Trace, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2025, "4.71", 5 * 0.785)]  // short of the period's total in its last year: scored as any quantity
    [InlineData(2025, "6.2", 5)]
    [InlineData(null, "6.2", 5)]           // year unknown: scored against the total
    public void InItsLastYear_OrWithNoYear_TheRowIsScoredAgainstThePeriodsTotal(int? year, string actual, double expected)
    {
        IndicatorResult r = Assert.Single(Calculator.Score(Table(year, "2023—2025年累计≥6", actual, "5")).Indicators);
        Assert.NotEqual(IndicatorRule.Unscorable, r.Rule);
        Assert.NotNull(r.Score);
        Assert.Equal((decimal)expected, Math.Round(r.Score!.Value, 4));
    }
}
