using System.Globalization;
using Assistant.Domain.Cells;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 32: a whole number of things (1座, 12处, 420人, 27套, 7辆) is a count, exact; it is no rounded decimal whose
/// interval [n − 0.5, n + 0.5) could excuse a wrong printed score or 完成率. A printed 1.2万人 or 126.4公里 is rounded.
/// </summary>
public class WholeCountTests
{
    private static IndicatorResult Score(string target, string actual, string weight, string unit) =>
        Calculator.ScoreIndicator(RuleTests.Row(target, actual, weight, unit: unit), 0, ScoringPolicy.Default, scored: true);

    [Theory]
    [InlineData("≥12", "9", "15", "处", "11.25", "11.50")]
    [InlineData("≥2", "1", "10", "座", "5", "6.00")]
    [InlineData("≥450", "420", "10", "人", "9.33", "9.34")]
    [InlineData("≥30", "27", "10", "套", "9", "9.10")]
    [InlineData("≥8", "7", "8", "辆", "7", "7.20")]
    [InlineData("≥15", "14", "6", "条", "5.6", "5.70")]
    [InlineData("≥6", "5", "5", "所", "4.17", "4.30")]
    [InlineData("≥40", "36", "10", "台", "9", "9.10")]
    [InlineData("≥24", "20", "12", "间", "10", "10.20")]
    public void WholeCount_IsExact_SoARoundingCannotExcuseAWrongScore(string target, string actual, string weight, string unit, string score, string wrongPrinted)
    {
        IndicatorResult r = Score(target, actual, weight, unit);
        Assert.Equal(IndicatorStatus.Short, r.Status);
        Assert.Equal(decimal.Parse(score, CultureInfo.InvariantCulture), Math.Round(r.Score!.Value, 2));
        Assert.Equal(Interval.Point(r.Completion!.Value), r.CompletionInterval);
        Assert.Equal(Interval.Point(r.Score.Value), r.ScoreInterval);

        // A printed score within the old [n − 0.5, n + 0.5) reading of the count is now wrong, not "consistent through rounding".
        Assert.Equal(Agreement.Inconsistent, Reconciliation.Compare(PrintedNumber.Parse(wrongPrinted), r.Score.Value, r.ScoreInterval!.Value));
        Assert.NotEqual(Agreement.Inconsistent, Reconciliation.Compare(PrintedNumber.Parse(Math.Round(r.Score.Value, 2).ToString("0.00", CultureInfo.InvariantCulture)), r.Score.Value, r.ScoreInterval.Value));
    }

    [Theory]
    [InlineData("≥1.5万人", "1.2万人", "人")]
    [InlineData("≥150", "126.4", "公里")]
    [InlineData("≥150", "126", "公里")]
    [InlineData("≥3", "2.5", "个")]
    [InlineData("≥500", "480", "亩")]
    [InlineData("≥40", "36", "天")]
    public void RoundedOrMeasured_KeepsItsPrintedInterval(string target, string actual, string unit)
    {
        IndicatorResult r = Score(target, actual, "10", unit);
        Assert.Equal(IndicatorStatus.Short, r.Status);
        Assert.True(r.CompletionInterval!.Value.Low < r.Completion!.Value && r.Completion.Value < r.CompletionInterval.Value.High,
            $"{actual}{unit} is rounded: its completion is an interval, got {r.CompletionInterval}");
    }

    [Theory]
    [InlineData("处")]
    [InlineData("座")]
    [InlineData("人")]
    [InlineData("户")]
    [InlineData("套")]
    [InlineData("辆")]
    [InlineData("宗")]
    [InlineData("人次")]
    public void WholeCounts_AcrossManyValues_HaveAPointInterval(string unit)
    {
        // A property over a grid: every whole actual below its whole target gives a point completion and score.
        for (int target = 1; target <= 40; target++)
        {
            for (int actual = 0; actual < target; actual++)
            {
                IndicatorResult r = Score($"≥{target}", actual.ToString(CultureInfo.InvariantCulture), "10", unit);
                Assert.Equal(r.Completion is null ? null : Interval.Point(r.Completion.Value), r.CompletionInterval);
                Assert.Equal(Interval.Point(r.Score!.Value), r.ScoreInterval);
            }
        }
    }

    [Theory]
    [InlineData("12", "处", true)]
    [InlineData("1", "座", true)]
    [InlineData("420", "人", true)]
    [InlineData("1.2万", "人", false)]
    [InlineData("12.0", "处", false)]
    [InlineData("120", "公里", false)]
    [InlineData("25", "万元", false)]
    [InlineData("30", "天", false)]
    [InlineData("7", "辆", true)]
    public void IsExactCount_ByUnitAndPrinting(string actual, string unit, bool exact)
    {
        IndicatorResult r = Score("≥1", actual, "10", unit);
        Assert.Equal(exact, Assert.IsType<QuantityCell>(r.Actual).IsExactCount);
    }
}
