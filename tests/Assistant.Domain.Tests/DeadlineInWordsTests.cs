using Assistant.Domain;
using Assistant.Domain.Scoring;
using Xunit;

namespace Assistant.Domain.Tests;

/// <summary>
/// A date cell written with the words that say what happened then (2026年1月完工, 于2025年10月全部拨付到位,
/// 2025年11月底前完成) is read as its date and compared with the deadline; a date the parser still cannot read is scored
/// as unscorable (the printed score stands), never full marks by default (session 35's tester: 云南 项目完工时间
/// 2025年11月底前 against 2026年1月完工 was given 10 of 10).
/// </summary>
public class DeadlineInWordsTests
{
    [Theory]
    // The tester's row, and the same class in other sectors' words.
    [InlineData("2025年11月底前", "2026年1月完工", 2025, "short")]
    [InlineData("12月31日前", "2026年3月兑付完毕", 2025, "short")]
    [InlineData("2025年9月前", "2025年10月中旬竣工", 2025, "short")]
    [InlineData("2025年6月底前完成", "2025年8月通过验收", 2025, "short")]
    [InlineData("10月底前", "于2025年11月10日拨付到位", 2025, "short")]
    [InlineData("2025年12月底前完成", "2025年10月全部拨付到位", 2025, "met")]
    [InlineData("年底前完成", "已于2025年11月完工", 2025, "met")]
    [InlineData("2025年6月底前", "于2025年6月20日竣工", 2025, "met")]
    [InlineData("2025年12月31日前", "2025年12月发放完毕", 2025, "met")]
    [InlineData("9月底前下达", "2025年8月下达", 2025, "met")]
    [InlineData("2024年12月底前", "2024年11月建成投用", 2024, "met")]
    [InlineData("2024年6月底前", "2024年9月竣工并通过验收", 2024, "short")]
    public void ADateWithWordsAroundIt_IsComparedWithTheDeadline(string target, string actual, int year, string status)
    {
        IndicatorResult r = Calculator.ScoreIndicator(RuleTests.Row(target, actual, "10"), 0, ScoringPolicy.Default, scored: true, year);
        Assert.NotEqual(IndicatorRule.Unscorable, r.Rule);
        Assert.Equal(status, r.Status.ToContract());
        if (status == "met")
        {
            Assert.Equal(10m, r.Score);
        }
        else
        {
            Assert.True(r.Score < 10m, r.Trace);
        }
    }

    /// <summary>A date the parser cannot read as one (a span, two dates, 中下旬) against a deadline: the printed score stands.</summary>
    [Theory]
    [InlineData("2025年6月底前", "2025年6月至8月分批完工", "6")]
    [InlineData("2025年11月底前", "2026年1月中下旬完工", "7")]
    [InlineData("12月底前", "部分2025年12月、部分2026年2月兑付", "8")]
    public void ADateThatCannotBeRead_IsUnscorable_AndThePrintedScoreStands(string target, string actual, string printed)
    {
        IndicatorResult r = Calculator.ScoreIndicator(RuleTests.Row(target, actual, "10", printed: printed), 0, ScoringPolicy.Default, scored: true, 2025);
        Assert.Equal(IndicatorRule.Unscorable, r.Rule);
        Assert.Contains("无法读作一个日期", r.Trace, StringComparison.Ordinal);
        Assert.Equal(decimal.Parse(printed, System.Globalization.CultureInfo.InvariantCulture), r.ScoreForTotal);
    }

    /// <summary>Words keep their meaning against a deadline: 按时完成 is 达成; 未完工（预计2025年5月）, 延期至… are late.</summary>
    [Theory]
    [InlineData("2025年11月底前", "按时完成", "met")]
    [InlineData("12月底前", "已完成", "met")]
    [InlineData("2024年10月底前", "未完工（预计2025年5月）", "short")]
    [InlineData("2025年6月底前", "尚未完成，预计2026年3月", "short")]
    [InlineData("10月底前", "延期至2026年3月", "short")]
    [InlineData("2025年9月底前", "受汛期影响推迟到2025年11月", "short")]
    public void WordsAboutTheDate_KeepTheirMeaning(string target, string actual, string status)
    {
        IndicatorResult r = Calculator.ScoreIndicator(RuleTests.Row(target, actual, "10"), 0, ScoringPolicy.Default, scored: true, 2025);
        Assert.True(r.Rule != IndicatorRule.Unscorable, r.Trace);
        Assert.Equal(status, r.Status.ToContract());
    }
}
