using Assistant.Domain.Evaluations;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Tests;

/// <summary>One table per scoring rule of DOMAIN.md §2.</summary>
public class RuleTests
{
    internal static Indicator Row(string target, string actual, string weight = "10", string? unit = null, string? level2 = null,
        string? note = null, QualitativeGrade? grade = null, string? printed = null) => new()
        {
            Name = "测试指标",
            Level1 = "产出指标",
            Level2 = level2,
            Unit = unit,
            Target = target,
            Actual = actual,
            Weight = PrintedNumber.Parse(weight),
            DeviationNote = note,
            Grade = grade,
            PrintedScore = printed is null ? null : PrintedNumber.Parse(printed),
        };

    private static IndicatorResult Score(Indicator row, ScoringPolicy? policy = null) =>
        Calculator.ScoreIndicator(row, 0, policy ?? ScoringPolicy.Default, scored: true);

    [Theory]
    [InlineData("≥1500", "1464", "5", "4.88", "short")]
    [InlineData("≥1500", "1500", "5", "5", "met")]
    [InlineData("≥1500", "3000", "5", "5", "exceeded")]
    [InlineData(">90%", "45%", "10", "5", "short")]
    [InlineData("100", "50", "4", "2", "short")]
    [InlineData("≥500", "0", "4", "0", "short")]
    [InlineData("30万", "40.55万", "6", "6", "exceeded")]
    [InlineData("≥2万人", "1.5万人", "8", "6", "short")]
    public void Positive(string target, string actual, string weight, string score, string status)
    {
        IndicatorResult r = Score(Row(target, actual, weight, unit: "人"));
        Assert.Equal(IndicatorRule.Positive, r.Rule);
        Assert.Equal(status, r.Status.ToContract());
        Assert.Equal(decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture), r.Score);
    }

    [Theory]
    [InlineData("≤1600元/人", "1200元/人", "10", "10", "exceeded")]
    [InlineData("≤1600元/人", "1600元/人", "10", "10", "met")]
    [InlineData("≤1600元/人", "2000元/人", "10", "7.5", "short")]
    [InlineData("≤100", "200", "10", "0", "short")]
    [InlineData("≤100", "300", "10", "0", "short")]
    [InlineData("<5%", "6%", "10", "8", "short")]
    public void Reverse_DeviationFormula(string target, string actual, string weight, string score, string status)
    {
        IndicatorResult r = Score(Row(target, actual, weight));
        Assert.Equal(IndicatorRule.Reverse, r.Rule);
        Assert.Equal(status, r.Status.ToContract());
        Assert.Equal(decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture), r.Score);
    }

    [Theory]
    [InlineData("≤1600", "2000", "10", "8")]
    [InlineData("≤100", "400", "10", "2.5")]
    [InlineData("≤100", "80", "10", "10")]
    public void Reverse_RatioVariant(string target, string actual, string weight, string score)
    {
        IndicatorResult r = Score(Row(target, actual, weight), ScoringPolicy.ReverseRatio);
        Assert.Equal(IndicatorRule.Reverse, r.Rule);
        Assert.Equal(decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture), r.Score);
    }

    [Theory]
    [InlineData("0", "0", "5", "met")]
    [InlineData("0", "1", "0", "short")]
    [InlineData("≤0", "0", "5", "met")]
    [InlineData("=0", "2", "0", "short")]
    public void Zero(string target, string actual, string score, string status)
    {
        IndicatorResult r = Score(Row(target, actual, "5"));
        Assert.Equal(IndicatorRule.Zero, r.Rule);
        Assert.Equal(status, r.Status.ToContract());
        Assert.Equal(decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture), r.Score);
    }

    [Fact]
    public void PlainCostTarget_IsPositiveByDefault_AsTheZhongweiTablesScoreIt()
    {
        IndicatorResult r = Score(Row("800", "765.4", "4", unit: "万元", level2: "成本指标"));
        Assert.Equal(IndicatorRule.Positive, r.Rule);
        Assert.Equal("3.83", PrintedNumber.Format(r.Score!.Value, 2));
    }

    [Fact]
    public void PlainCostTarget_CanBeACeilingByPolicy()
    {
        ScoringPolicy policy = ScoringPolicy.Default with { Name = "t", PlainCostTarget = PlainCostTarget.Reverse };
        IndicatorResult under = Score(Row("800", "765.4", "4", unit: "万元", level2: "成本指标"), policy);
        Assert.Equal(IndicatorRule.Reverse, under.Rule);
        Assert.Equal(4m, under.Score);
        Assert.Equal(IndicatorStatus.Exceeded, under.Status);
        IndicatorResult over = Score(Row("800", "880", "4", unit: "万元", level2: "成本指标"), policy);
        Assert.Equal(3.6m, over.Score);
    }

    [Fact]
    public void OverAchievement_IsCappedAtWeight()
    {
        IndicatorResult r = Score(Row("≥2", "14", "4"));
        Assert.Equal(4m, r.Score);
        Assert.Equal(7m, r.Completion);
    }

    [Fact]
    public void OverAchievement_ReducedWhenPolicySaysTargetsWereTooLow()
    {
        IndicatorResult r = Score(Row("≥100", "150", "10"), ScoringPolicy.StrictTargets);
        Assert.Equal(5m, r.Score);
        IndicatorResult under = Score(Row("≥100", "120", "10"), ScoringPolicy.StrictTargets);
        Assert.Equal(10m, under.Score);
    }

    [Theory]
    [InlineData("效果显著", "效果显著", null, null, "10", "met")]
    [InlineData("效果显著", "效果明显", null, null, "10", "met")]
    [InlineData("效果良好", "效果显著", null, null, "10", "met")]
    [InlineData("效果显著", "效果良好", null, null, "10", "short")]
    [InlineData("效果显著", "效果良好", null, "8.5", "8.5", "short")]
    [InlineData("效果显著", "未达成", null, null, "3", "short")]
    [InlineData("效果显著", "创业带动就业 4208 人", null, null, "10", "met")]
    [InlineData("效果显著", "有一定效果", QualitativeGrade.Partial, "7", "7", "short")]
    [InlineData("效果显著", "有一定效果", QualitativeGrade.Partial, null, "7", "short")]
    [InlineData("效果显著", "较好", QualitativeGrade.Achieved, "9", "9", "met")]
    [InlineData("效果显著", "较好", QualitativeGrade.Achieved, null, "10", "met")]
    [InlineData("效果显著", "较差", QualitativeGrade.NotAchieved, "2", "2", "short")]
    [InlineData("效果显著", "较差", QualitativeGrade.NotAchieved, "9", "3", "short")]
    public void Qualitative_ThreeGrades(string target, string actual, QualitativeGrade? grade, string? printed, string score, string status)
    {
        IndicatorResult r = Score(Row(target, actual, "10", grade: grade, printed: printed));
        Assert.Equal(IndicatorRule.Qualitative, r.Rule);
        Assert.Equal(status, r.Status.ToContract());
        Assert.Equal(decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture), r.Score);
    }

    [Fact]
    public void Qualitative_WeakerWordAtFullMarks_IsAFinding()
    {
        var e = new Evaluation
        {
            Kind = EvaluationKind.Project,
            Title = "t",
            Funds = new FundSection(),
            Indicators = [Row("效果显著", "效果良好", "10", printed: "10")],
        };
        Assert.Contains(Calculator.Score(e).Findings, f => f.Code == FindingCodes.IndicatorQualitativeWeaker);
    }

    [Theory]
    [InlineData("≥98", "≥98")]
    [InlineData("≥95%", "≥95%")]
    [InlineData("≥95", "≥98")]
    [InlineData("≤5", "≤3")]
    [InlineData("单位应缴纳的三项社会保险补贴或原则上不超过其实际缴费额的2/3。", "单位应缴纳的三项社会保险补贴或原则上不超过其实际缴费额的2/3。")]
    public void Restated(string target, string actual)
    {
        IndicatorResult r = Score(Row(target, actual, "6", unit: "%"));
        Assert.Equal(IndicatorRule.Restated, r.Rule);
        Assert.Equal(IndicatorStatus.Met, r.Status);
        Assert.Equal(6m, r.Score);
    }

    [Fact]
    public void Restated_WeakerBound_IsNotMet()
    {
        IndicatorResult r = Score(Row("≥98", "≥90", "6"));
        Assert.Equal(IndicatorRule.Unscorable, r.Rule);
        Assert.Equal(IndicatorStatus.Unknown, r.Status);
    }

    /// <summary>
    /// 取消 about something else (an activity, a class, a trip) on a row with its actual is a reason for the shortfall, not a
    /// cancelled indicator: the row is scored on its numbers (22.5% against ≥25% is short), never given full marks.
    /// </summary>
    [Theory]
    [InlineData("≥25%", "22.5%", "汛期暴雨导致下乡宣传活动多次取消", IndicatorStatus.Short)]
    [InlineData("≥12期", "10期", "受疫情影响培训班取消2期", IndicatorStatus.Short)]
    [InlineData("≥300人次", "240人次", "部分企业停产，原定培训取消", IndicatorStatus.Short)]
    [InlineData("≥95%", "95%", "部分入户走访因天气取消后补做", IndicatorStatus.Met)]
    [InlineData("≥20场", "15场", "该项活动多次取消", IndicatorStatus.Short)]
    [InlineData("≤5000元/人", "5200元/人", "集中采购取消，单价上涨", IndicatorStatus.Short)]
    public void A_cancelled_activity_in_the_reason_is_no_cancelled_indicator(string target, string actual, string note, IndicatorStatus status)
    {
        IndicatorResult r = Score(Row(target, actual, "15", note: note));
        Assert.NotEqual(IndicatorRule.Cancelled, r.Rule);
        Assert.Equal(status, r.Status);
        Assert.True(r.Score < 15m || status == IndicatorStatus.Met, $"{note}: {r.Score}");
    }

    /// <summary>A note saying the indicator itself was cancelled still cancels it, with or without an actual printed.</summary>
    [Theory]
    [InlineData("≥5.3", "", "因政策调整，活动取消")]
    [InlineData("≥100户", "0户", "该指标已取消")]
    [InlineData("≥100户", "0", "根据上级通知取消该项指标")]
    [InlineData("≥8个", "0个", "本项已调整取消")]
    [InlineData("≥8个", "3个", "年中指标调整取消")]
    [InlineData("≥8个", "0个", "已取消")]
    public void A_note_that_cancels_the_indicator_still_cancels_it(string target, string actual, string note)
    {
        IndicatorResult r = Score(Row(target, actual, "7", note: note));
        Assert.Equal(IndicatorRule.Cancelled, r.Rule);
        Assert.Equal(7m, r.Score);
    }

    [Theory]
    [InlineData("≥5.3", "", "指标已取消")]
    [InlineData("≥5.3", "指标已取消", null)]
    [InlineData("指标已取消", "", null)]
    public void Cancelled(string target, string actual, string? note)
    {
        IndicatorResult r = Score(Row(target, actual, "7", note: note));
        Assert.Equal(IndicatorRule.Cancelled, r.Rule);
        Assert.Equal(IndicatorStatus.NotApplicable, r.Status);
        Assert.Equal(7m, r.Score);
        ScoringPolicy zero = ScoringPolicy.Default with { Name = "z", CancelledScoring = CancelledScoring.Zero };
        Assert.Equal(0m, Score(Row(target, actual, "7", note: note), zero).Score);
    }

    [Theory]
    [InlineData("12月底前", "11月", "met")]
    [InlineData("2025年9月", "2025年8月", "met")]
    [InlineData("2025年9月", "2025年10月", "short")]
    [InlineData("8月1日", "8月1日", "met")]
    [InlineData("12月底前", "按时完成", "met")]
    public void Deadline(string target, string actual, string status)
    {
        IndicatorResult r = Score(Row(target, actual, "5"));
        Assert.Equal(status, r.Status.ToContract());
        Assert.Equal(status == "met" ? 5m : 1.5m, r.Score);
    }

    /// <summary>
    /// A deadline printed without a year (12月31日前, 12月底前, 10月底前) is in the table's year: an actual of a later year is late
    /// whatever its month (2026年3月 in a 2025 table), the same year compares month and day, an earlier year is on time; a
    /// table without a year keeps comparing month and day.
    /// </summary>
    [Theory]
    [InlineData("12月31日前", "2026年3月", 2025, "short")]
    [InlineData("12月底前", "2026年1月15日", 2025, "short")]
    [InlineData("10月底前", "2025年11月", 2025, "short")]
    [InlineData("10月底前", "2025年9月", 2025, "met")]
    [InlineData("12月31日前", "2025年12月", 2025, "met")]
    [InlineData("6月30日前", "2024年12月", 2025, "met")]
    [InlineData("12月31日前", "2026年3月", null, "met")]
    [InlineData("10月底前", "2026年11月", null, "short")]
    [InlineData("2025年9月", "8月", 2025, "met")]
    [InlineData("2025年9月", "10月", 2025, "short")]
    public void ADeadlineWithoutAYear_IsInTheTablesYear(string target, string actual, int? year, string status)
    {
        IndicatorResult r = Calculator.ScoreIndicator(Row(target, actual, "5"), 0, ScoringPolicy.Default, scored: true, year);
        Assert.Equal(status, r.Status.ToContract());
        Assert.Equal(status == "met" ? 5m : 1.5m, r.Score);
    }

    /// <summary>
    /// A missed deadline is never 达成: the unit's 部分达成 or 未达成 stands inside its band (3–4 of 5, 0–3 of 5),
    /// so does a printed score in the 部分达成 band without a grade; a 达成 grade or a full mark is 未达成's default.
    /// </summary>
    [Theory]
    [InlineData("2025年10月底前", "2025年12月底", QualitativeGrade.Partial, "3.50", "3.5", null)]
    [InlineData("2025年10月底前", "2025年12月底", QualitativeGrade.Partial, "3", "3", null)]
    [InlineData("10月底前", "12月", QualitativeGrade.NotAchieved, "2", "2", null)]
    [InlineData("10月底前", "12月", QualitativeGrade.Partial, "1.5", "3.5", "按“部分达成”档默认比例")]
    [InlineData("2025年6月30日前", "2025年8月15日", null, "3.5", "3.5", null)]
    [InlineData("2025年6月30日前", "2025年8月15日", null, "4.5", "1.5", "时效指标未按期完成计入“未达成”档")]
    [InlineData("2025年6月30日前", "2025年8月15日", null, "5", "1.5", "时效指标未按期完成计入“未达成”档")]
    [InlineData("2025年6月30日前", "2025年8月15日", QualitativeGrade.Achieved, "5", "1.5", "与完成时间不符")]
    [InlineData("2025年6月30日前", "2025年8月15日", null, null, "1.5", "时效指标未按期完成计入“未达成”档")]
    public void Deadline_Missed_TheUnitsGradeInsideItsBand(string target, string actual, QualitativeGrade? grade, string? printed, string score, string? trace)
    {
        IndicatorResult r = Score(Row(target, actual, "5", grade: grade, printed: printed));
        Assert.Equal(IndicatorStatus.Short, r.Status);
        Assert.Equal(decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture), r.Score);
        Assert.Equal(Interval.Point(r.Score!.Value), r.ScoreInterval);
        if (trace is not null)
        {
            Assert.Contains(trace, r.Trace, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("档（", r.Trace, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// A printed total that takes another score inside a grade band is not "consistent through rounding":
    /// the band is the evaluator's room, not printed precision. The total names the row whose score differs.
    /// </summary>
    [Theory]
    [InlineData("2025年10月底前", "2025年12月底", null, "4.5", "94.5", FindingCodes.TotalPrinted)]
    [InlineData("基本完善", "一般", QualitativeGrade.NotAchieved, "3.5", "93.5", FindingCodes.TotalPrinted)]
    [InlineData("2025年10月底前", "2025年12月底", QualitativeGrade.Partial, "3.5", "93.5", null)]
    public void Total_GradedRowOutsideItsBand_IsAnError(string target, string actual, QualitativeGrade? grade, string printed, string total, string? code)
    {
        var e = new Evaluation
        {
            Kind = EvaluationKind.Project,
            Title = "t",
            Funds = new FundSection(),
            Indicators = [Row(target, actual, "5", grade: grade, printed: printed), Row("≥100", "100", "90", printed: "90")],
            PrintedTotal = PrintedNumber.Parse(total),
        };
        ScoreReport report = Calculator.Score(e);
        Finding? f = report.Findings.FirstOrDefault(x => x.Code == FindingCodes.TotalPrinted);
        if (code is null)
        {
            Assert.Null(f);
            return;
        }

        Assert.NotNull(f);
        Assert.Equal(Severity.Error, f!.Severity);
        Assert.DoesNotContain("四舍五入范围内一致", f.Message, StringComparison.Ordinal);
        Assert.Contains("测试指标", f.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("指标值未设定", "120", IndicatorStatus.NotApplicable)]
    [InlineData("", "120", IndicatorStatus.NotApplicable)]
    [InlineData("≥100", "", IndicatorStatus.Unknown)]
    [InlineData("≥100", "已完成", IndicatorStatus.Unknown)]
    [InlineData("≥100人", "80%", IndicatorStatus.Unknown)]
    public void Unscorable(string target, string actual, IndicatorStatus status)
    {
        IndicatorResult r = Score(Row(target, actual, "5"));
        Assert.Equal(IndicatorRule.Unscorable, r.Rule);
        Assert.Equal(status, r.Status);
        Assert.Null(r.Score);
    }

    [Theory]
    [InlineData("94.80", "94.80")]
    [InlineData("8.50", "8.50")]
    [InlineData("8", "8")]
    [InlineData("12.0", "12.0")]
    public void Unscorable_TheCarriedScore_IsQuotedAsPrinted(string printed, string quoted)
    {
        var e = new Evaluation
        {
            Kind = EvaluationKind.Project,
            Title = "t",
            Funds = new FundSection(),
            Indicators = [Row("指标值未设定", "120", "100", printed: printed)],
        };
        Finding f = Assert.Single(Calculator.Score(e).Findings, f => f.Code == FindingCodes.IndicatorUnscorable);
        Assert.Contains("按表中打印得分" + quoted + "计入总分", f.Message, StringComparison.Ordinal);
        Assert.Equal(quoted, f.Actual);
    }

    [Fact]
    public void Unscorable_CarriesThePrintedScoreIntoTheTotal_WithAFinding()
    {
        var e = new Evaluation
        {
            Kind = EvaluationKind.Project,
            Title = "t",
            Funds = new FundSection(),
            Indicators = [Row("指标值未设定", "120", "10", printed: "8"), Row("≥100", "100", "90", printed: "90")],
            PrintedTotal = PrintedNumber.Parse("98"),
        };
        ScoreReport report = Calculator.Score(e);
        Assert.Equal(98m, report.Total);
        Assert.Contains(report.Findings, f => f.Code == FindingCodes.IndicatorUnscorable && f.Path == "indicators[0].printedScore");
        Assert.Contains(report.Findings, f => f.Code == FindingCodes.IndicatorTargetMissing);
    }

    [Theory]
    [InlineData("95", "优")]
    [InlineData("90", "优")]
    [InlineData("89.99", "良")]
    [InlineData("80", "良")]
    [InlineData("79.99", "中")]
    [InlineData("60", "中")]
    [InlineData("59.99", "差")]
    public void Grades(string total, string grade) =>
        Assert.Equal(grade, ScoringPolicy.Default.GradeOf(decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture)));
}
