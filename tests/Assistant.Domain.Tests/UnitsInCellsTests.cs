using Assistant.Domain.Cells;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session-35 tester defects #2 and #3: a compound unit (元/台, 次/年, 人次/年, 个/村, 元/吨, 万元/公里, 元/人·年) or a rate per a
/// power of ten (12/10万, 2例/10万人, 每10万人≤20, ‰ against ‱) written inside the target or actual cell made the row
/// unscorable, while the same row with its unit in the unit column scored right. Each row below is worked out by hand
/// (DOMAIN.md §2): the unit in one cell or both, with and without ≤/≥/＜/不高于/不超过, full-width characters, and units that
/// disagree (a clear reason, never a silent score).
/// </summary>
public class UnitsInCellsTests
{
    private static IndicatorResult Score(string target, string actual, string weight = "10", string? unit = null, string? printed = null) =>
        Calculator.ScoreIndicator(RuleTests.Row(target, actual, weight, unit: unit, printed: printed), 0, ScoringPolicy.Default, scored: true);

    private static string Two(decimal? score) => PrintedNumber.Format(score ?? -1m, 2);

    [Theory]
    // 黑龙江 农机补贴: 5 × (1 − 188/8000) = 4.8825.
    [InlineData("≤8000元/台", "8188元/台", "5", "元/台", "4.88")]
    [InlineData("≤8000元/台", "8188元/台", "5", null, "4.88")]
    [InlineData("≤8000元/台", "8188", "5", null, "4.88")]
    [InlineData("8000元/台以内", "8188元/台", "5", null, "4.88")]
    [InlineData("不超过8000元/台", "8188元/台", "5", "", "4.88")]
    [InlineData("≦８０００元／台", "８１８８元／台", "5", null, "4.88")]
    // 山东 污水处理: 10 × (1 − 60/1200) = 9.50.
    [InlineData("≤1200元/吨", "1260元/吨", "10", null, "9.50")]
    // 甘肃 农村公路: 万元 before a compound unit, 10 × (1 − 6/120) = 9.50.
    [InlineData("≤120万元/公里", "126万元/公里", "10", null, "9.50")]
    // 江西 学生资助: 元/人·年, under the ceiling.
    [InlineData("≤1500元/人·年", "1420元/人·年", "8", null, "8.00")]
    public void A_compound_unit_inside_a_ceiling_cell_is_scored_as_a_reverse_row(string target, string actual, string weight, string? unit, string score)
    {
        IndicatorResult r = Score(target, actual, weight, unit);
        Assert.Equal(IndicatorRule.Reverse, r.Rule);
        Assert.Equal(score, Two(r.Score));
    }

    [Theory]
    // 贵州 医疗救助 (≥4次/年 against 3次/年): 10 × 3/4 = 7.50.
    [InlineData("≥4次/年", "3次/年", "10", null, "7.50", "short")]
    [InlineData("不少于4次/年", "3次/年", "10", "次/年", "7.50", "short")]
    [InlineData("≥4次/年", "3", "10", "次", "7.50", "short")]
    // 湖南 送戏下乡: 10 × 11400/12000 = 9.50.
    [InlineData("≥12000人次/年", "11400人次/年", "10", null, "9.50", "short")]
    // 广西 技能培训: 5 × 54/60 = 4.50.
    [InlineData("≥60户/年", "54户/年", "5", null, "4.50", "short")]
    // 宁夏 村级服务站: one per village, met.
    [InlineData("≥1个/村", "1个/村", "6", null, "6.00", "met")]
    // 青海 巡回诊疗 (次/人/年).
    [InlineData("≥2次/人/年", "2.4次/人/年", "4", null, "4.00", "exceeded")]
    public void A_compound_unit_inside_a_floor_cell_is_scored_as_a_positive_row(string target, string actual, string weight, string? unit, string score, string status)
    {
        IndicatorResult r = Score(target, actual, weight, unit);
        Assert.Equal(IndicatorRule.Positive, r.Rule);
        Assert.Equal(score, Two(r.Score));
        Assert.Equal(status, r.Status.ToString().ToLowerInvariant());
    }

    [Theory]
    // 贵州 孕产妇死亡率: ≤12/10万 against 11.8/10万 is met (15).
    [InlineData("≤12/10万", "11.8/10万", "15", null, "15.00", "exceeded")]
    [InlineData("≤12/10万", "11.8", "15", null, "15.00", "exceeded")]
    [InlineData("≤12/10万", "11.8", "15", "1/10万", "15.00", "exceeded")]
    [InlineData("≤12", "11.8/10万", "15", "/10万", "15.00", "exceeded")]
    [InlineData("不高于12/10万", "11.8/10万人", "15", null, "15.00", "exceeded")]
    [InlineData("＜１２／１０万", "１１．８／１０万", "15", null, "15.00", "exceeded")]
    [InlineData("≤12(1/10万)", "11.8(1/10万)", "15", null, "15.00", "exceeded")]
    // 四川 婴儿死亡率 per 1000 written as /1000: 10 × (1 − 0.5/5) = 9.00.
    [InlineData("≤5/1000", "5.5/1000", "10", null, "9.00", "short")]
    // 云南 传染病发病率 例/10万人: 10 × (1 − 1/15) = 9.33.
    [InlineData("≤15例/10万人", "16例/10万人", "10", null, "9.33", "short")]
    // 陕西 每10万人 before the number.
    [InlineData("每10万人≤20", "18.6/10万", "10", null, "10.00", "exceeded")]
    [InlineData("每万人不超过3.5", "3.2/万人", "10", null, "10.00", "exceeded")]
    // ‰ against ‱ (2.0‰ = 20‱ ≤ 25‱ … and 36‱ = 3.6‰ over 3‰: 10 × (1 − 0.6/3) = 8.00).
    [InlineData("≤2.5‰", "20‱", "10", null, "10.00", "exceeded")]
    [InlineData("≤3‰", "36‱", "10", null, "8.00", "short")]
    // 12/10万 is 1.2‱: 1.3‱ is over by 1/12, 10 × (1 − 0.1/1.2) = 9.17.
    [InlineData("≤12/10万", "1.3‱", "10", null, "9.17", "short")]
    public void A_rate_per_a_power_of_ten_inside_the_cells_is_scored(string target, string actual, string weight, string? unit, string score, string status)
    {
        IndicatorResult r = Score(target, actual, weight, unit);
        Assert.Equal(IndicatorRule.Reverse, r.Rule);
        Assert.Equal(score, Two(r.Score));
        Assert.Equal(status, r.Status.ToString().ToLowerInvariant());
    }

    [Theory]
    [InlineData("≤8000元/台", "8188元/辆", "元/台", "元/辆")]
    [InlineData("≥4次/年", "3次/月", "次/年", "次/月")]
    [InlineData("≤3‰", "3.6%", "‰", "%")]
    [InlineData("≤12/10万", "0.012%", "1/10万", "%")]
    [InlineData("≥1个/村", "1个/乡", "个/村", "个/乡")]
    public void Units_that_disagree_between_target_and_actual_leave_the_row_unscored_with_both_units_named(string target, string actual, string tu, string au)
    {
        IndicatorResult r = Score(target, actual);
        Assert.Equal(IndicatorRule.Unscorable, r.Rule);
        Assert.Null(r.Score);
        Assert.Contains($"“{tu}”", r.Trace, StringComparison.Ordinal);
        Assert.Contains($"“{au}”", r.Trace, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("≤8000元/台", "元/台")]
    [InlineData("8188元/台", "元/台")]
    [InlineData("≥1.2万人次/年", "人次/年")]
    [InlineData("≤1500元/人·年", "元/人·年")]
    [InlineData("≤1500元/人•年", "元/人·年")]
    [InlineData("≥6张/千人", "张/千人")]
    [InlineData("≤12/10万", "1/10万")]
    [InlineData("11.8/10万", "1/10万")]
    [InlineData("2例/10万人", "例/10万人")]
    [InlineData("每10万人12例", "例/10万人")]
    [InlineData("25‱", "‱")]
    public void The_cell_reads_as_one_quantity_in_its_unit(string text, string unitBase)
    {
        QuantityCell q = Assert.IsType<QuantityCell>(CellParser.Parse(text));
        Assert.Equal(unitBase, q.CellUnit.Base);
    }

    [Theory]
    [InlineData("8000元/台/次/年")] // four parts
    [InlineData("≤8000元/设备")] // not a unit word
    [InlineData("12/5")] // a fraction, not a rate
    [InlineData("1月700元/人/月，2月开始1000元/人/月")]
    public void Text_that_is_not_one_quantity_stays_unread(string text) =>
        Assert.IsNotType<QuantityCell>(CellParser.Parse(text));

    [Theory]
    [InlineData("≤8000元/台", "8188元/台", "元", "元/台", "indicators[0].target")]
    [InlineData("≤8000元/台", "8188", "元", "元/台", "indicators[0].target")]
    [InlineData("≤3‰", "3.6‰", "%", "‰", "indicators[0].target")]
    [InlineData("≥4", "3次/年", "次", "次/年", "indicators[0].actual")]
    public void A_cell_unit_that_differs_from_the_unit_column_is_scored_in_the_cell_unit_and_flagged(string target, string actual, string column, string cellUnit, string path)
    {
        Evaluation e = Table(RuleTests.Row(target, actual, "10", unit: column));
        ScoreReport report = Calculator.Score(e);
        Assert.NotNull(report.Indicators[0].Score);
        Finding f = Assert.Single(Reconciliation.Check(e, report, ScoringPolicy.Default), x => x.Code == FindingCodes.IndicatorUnitColumn);
        Assert.Equal(path, f.Path);
        Assert.Equal(cellUnit, f.Actual);
        Assert.Contains("计量单位栏", f.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("≤8000元/台", "8188元/台", "元/台")]
    [InlineData("≤12/10万", "11.8/10万", "1/10万")]
    [InlineData("≤12/10万", "11.8/10万", "/10万人")]
    [InlineData("＜120/万", "126/万", "/万")] // the unit an importer takes from the cell, without its 1
    [InlineData("提高3个百分点", "2.5个百分点", "%")]
    [InlineData("≤80万元", "75万元", "元")]
    [InlineData("≤15天", "12日", "天")]
    public void A_cell_unit_that_agrees_with_the_unit_column_is_not_flagged(string target, string actual, string column)
    {
        Evaluation e = Table(RuleTests.Row(target, actual, "10", unit: column));
        Assert.DoesNotContain(Reconciliation.Check(e, Calculator.Score(e), ScoringPolicy.Default), x => x.Code == FindingCodes.IndicatorUnitColumn);
    }

    private static Evaluation Table(Indicator row) => new()
    {
        Kind = EvaluationKind.Project,
        Title = "单位测试",
        Funds = new FundSection { Unit = "万元", Lines = [] },
        Indicators = [row],
    };
}
