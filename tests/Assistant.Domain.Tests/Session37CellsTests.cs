using Assistant.Domain.Cells;
using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Importing;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;
using Assistant.Features.Evaluations;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 37's outside tester (probe37 §5, §7, §8, §14, §15): a missed deadline is 未按期完成 under a named rule; a comma
/// that is no thousands separator is refused, never read a hundred times larger; a rate written as a fraction, a frequency
/// per period and a remark after the number; a CSV number at full precision; the strict-targets policy keeps the cost rule.
/// </summary>
public class Session37CellsTests
{
    private static Evaluation Table(int year, params Indicator[] rows) => new()
    {
        Kind = EvaluationKind.Project,
        Title = "t",
        Year = year,
        Funds = new FundSection(),
        Indicators = rows,
    };

    private static Indicator Row(string target, string actual, string? printed = null, QualitativeGrade? grade = null, string? unit = null) =>
        RuleTests.Row(target, actual, "6", unit: unit, level2: "时效指标", printed: printed, grade: grade) with { Name = "培训补贴资金发放时限" };

    // §5: a deadline missed (a later date, or words that say late) is 未按期完成: the trace names the policy's rule, the
    // draft item's kind is late, and no part of the report calls it a weaker 效果.
    [Theory]
    [InlineData("12月底前", "2025年1月15日", "6")]
    [InlineData("12月底前", "2025年1月15日", null)]
    [InlineData("2024年6月底前", "2024年8月", "6")]
    [InlineData("11月底前", "12月20日", null)]
    [InlineData("2024年9月底前", "延期至2025年3月", null)]
    public void AMissedDeadline_IsLate_UnderTheNamedRule_AndTheDraftItemSaysLate(string target, string actual, string? printed)
    {
        Evaluation e = Table(2024, Row(target, actual, printed));
        ScoreReport report = Calculator.Score(e);
        IndicatorResult r = Assert.Single(report.Indicators);
        Assert.True(r.IsLate, r.Trace);
        Assert.Equal(IndicatorStatus.Short, r.Status);
        Assert.Equal(1.8m, r.Score);
        Assert.Contains("未按期完成", r.Trace, StringComparison.Ordinal);
        Assert.Contains(ScoringPolicy.Default.Title, r.Trace, StringComparison.Ordinal);
        Assert.DoesNotContain("默认比例", r.Trace, StringComparison.Ordinal);

        DeviationItem item = Assert.Single(DeviationItems.Find(FactSheet.Build(e)));
        Assert.Equal(DeviationKind.Late, item.Kind);
        Assert.Equal("late", item.KindName);
        Assert.Equal("未按期完成", item.Situation);
    }

    [Theory]
    [InlineData("12月底前", "2024年12月20日")]
    [InlineData("2024年6月底前", "2024年6月")]
    [InlineData("12月底前", "12月底前")]
    public void ADeadlineMet_IsNotLate(string target, string actual)
    {
        IndicatorResult r = Assert.Single(Calculator.Score(Table(2024, Row(target, actual, "6"))).Indicators);
        Assert.False(r.IsLate);
        Assert.Equal(6m, r.Score);
    }

    [Fact]
    public void AMissedDeadline_TheUnitsOwnPartialGrade_Stands()
    {
        IndicatorResult r = Assert.Single(Calculator.Score(Table(2024, Row("12月底前", "2025年1月15日", "4.2", QualitativeGrade.Partial))).Indicators);
        Assert.True(r.IsLate);
        Assert.Equal(4.2m, r.Score);
    }

    [Fact]
    public void AMissedDeadline_ThePolicyDecidesTheGrade()
    {
        ScoringPolicy partial = ScoringPolicy.Default with { Name = "t", LateDeadlineGrade = QualitativeGrade.Partial };
        IndicatorResult r = Calculator.ScoreIndicator(Row("12月底前", "2025年1月15日", "6"), 0, partial, scored: true, year: 2024);
        Assert.Equal(4.2m, r.Score);
        Assert.Contains("部分达成", r.Trace, StringComparison.Ordinal);
    }

    // §7: a comma that is no thousands grouping is no number; valid grouping still reads.
    [Theory]
    [InlineData("920,00")]
    [InlineData("1,2345")]
    [InlineData("1.234,56")]
    [InlineData("920，00")]
    [InlineData("12,34,567")]
    [InlineData("1,234.5,6")]
    [InlineData(",920")]
    [InlineData("920,")]
    public void AMisgroupedComma_IsNoNumber(string text)
    {
        Assert.False(PrintedNumber.TryParse(text, out _));
        Assert.True(PrintedNumber.IsMisgrouped(text));
        Assert.False(PrintedNumber.ValidGrouping(TextNormalizer.Normalize(text)));
    }

    [Theory]
    [InlineData("2,181.57", "2181.57")]
    [InlineData("12,000", "12000")]
    [InlineData("1,234,567.8", "1234567.8")]
    [InlineData("-1,234", "-1234")]
    [InlineData("920.00", "920.00")]
    public void ThousandsGrouping_StillReads(string text, string value)
    {
        Assert.True(PrintedNumber.TryParse(text, out PrintedNumber n));
        Assert.Equal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), n.Value);
        Assert.False(PrintedNumber.IsMisgrouped(text));
    }

    [Theory]
    [InlineData("budget", "\"920,00\"")]
    [InlineData("executed", "\"1,2345\"")]
    [InlineData("initialBudget", "\"1.234,56\"")]
    [InlineData("budget", "\"920，00\"")]
    [InlineData("printedRate", "\"86,40%\"")]
    public void AMisgroupedComma_InJson_IsRefused_NamingTheField(string field, string value)
    {
        string json = $$"""{"kind":"project","title":"t","funds":{"lines":[{"name":"年度资金总额","{{field}}":{{value}}}]},"indicators":[]}""";
        InputException ex = Assert.Throws<InputException>(() => EvaluationJson.Parse(json));
        InputError error = Assert.Single(ex.Errors, x => x.Field == $"funds.lines[0].{field}");
        Assert.Contains("千位分隔符", error.Zh, StringComparison.Ordinal);
        Assert.Contains("thousands separator", error.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("920,00")]
    [InlineData("1,2345")]
    public void AMisgroupedComma_InAnImportedCell_SaysWhy(string text)
    {
        Assert.Null(CellText.Number(text, out _, out _));
        Assert.Contains("千位分隔符", CellText.NotANumber(text).Zh, StringComparison.Ordinal);
        Assert.Contains("不是数字", CellText.NotANumber("十二").Zh, StringComparison.Ordinal);
    }

    // §14: a CSV number at full precision is a number, read to the decimals a printed number keeps.
    [Theory]
    [InlineData("0.923414814814815", "0.9234148148")]
    [InlineData("9.23414814814815", "9.2341481481")]
    [InlineData("1246.6100000000001", "1246.61")]
    public void AFullPrecisionNumber_IsRead(string text, string expected)
    {
        Assert.Equal(expected, CellText.Number(text, out _, out _));
    }

    // §8: a fraction written for a rate is not scored as 0.93 %, and never gets a printed-score error.
    [Theory]
    [InlineData("≥90%", "0.93")]
    [InlineData("≥95%", "1")]
    [InlineData("100%", "0.985")]
    public void AFractionUnderPercent_IsNotScoredAsOnePercent(string target, string actual)
    {
        Indicator row = RuleTests.Row(target, actual, "5", unit: "%", printed: "5") with { Name = "培训合格率" };
        ScoreReport report = Calculator.Score(Table(2024, row));
        IndicatorResult r = Assert.Single(report.Indicators);
        Assert.Equal(IndicatorRule.Unscorable, r.Rule);
        Assert.Contains("写成了小数", r.Trace, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Findings, f => f.Code == FindingCodes.IndicatorScorePrinted);
    }

    [Fact]
    public void ASmallRateWithItsOwnSign_IsTakenAsWritten()
    {
        IndicatorResult r = Calculator.ScoreIndicator(RuleTests.Row("≥90%", "0.93%", "5", unit: "%"), 0, ScoringPolicy.Default, scored: true);
        Assert.Equal(IndicatorRule.Positive, r.Rule);
    }

    // §8: a frequency per period against a count for the year.
    [Theory]
    [InlineData("每季度1次", "4次", "met")]
    [InlineData("每月2次", "24次", "met")]
    [InlineData("每半年1次", "2次", "met")]
    [InlineData("每季度1次", "3次", "short")]
    [InlineData("4次", "每季度1次", "met")]
    [InlineData("≥12次", "每月1次", "met")]
    public void AFrequencyPerPeriod_IsComparedPerYear(string target, string actual, string status)
    {
        IndicatorResult r = Calculator.ScoreIndicator(RuleTests.Row(target, actual, "4") with { Name = "监督检查次数" }, 0, ScoringPolicy.Default, scored: true);
        Assert.Equal(status, r.Status.ToContract());
        Assert.True(r.Completion is { } c && c <= 1m, r.Trace);
    }

    // §8: a remark in brackets after the number.
    [Theory]
    [InlineData("98.5%（抽查）", "98.5")]
    [InlineData("98.5%(抽样调查)", "98.5")]
    [InlineData("1200人（含线上）", "1200")]
    public void ARemarkAfterTheNumber_LeavesTheNumber(string text, string value)
    {
        QuantityCell q = Assert.IsType<QuantityCell>(CellParser.Parse(text, null));
        Assert.Equal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), q.Number.Value);
    }

    // §15: strict-targets reduces large over-achievement and changes nothing else: a plain cost target stays positive.
    [Theory]
    [InlineData("760", "701.5", "6", "5.54")]
    [InlineData("1350", "1246.61", "10", "9.23")]
    [InlineData("800", "765.4", "4", "3.83")]
    public void StrictTargets_KeepsThePlainCostRule(string target, string actual, string weight, string score)
    {
        IndicatorResult r = Calculator.ScoreIndicator(RuleTests.Row(target, actual, weight, unit: "万元", level2: "成本指标"), 0, ScoringPolicy.StrictTargets, scored: true);
        Assert.Equal(IndicatorRule.Positive, r.Rule);
        Assert.Equal(score, PrintedNumber.Format(r.Score!.Value, 2));
    }
}
