using Assistant.Domain.Scoring;
using Assistant.Features.Evaluations;
using Assistant.Features.Reporting;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>The 审核发现 sheet says where a finding is in the table's words (session 32's tester saw funds.lines[0]).</summary>
public class FindingPlacesTests
{
    [Theory]
    [InlineData("zhongwei-2024-employment-operating-funds")]
    [InlineData("zhongwei-2024-internship-subsidy")]
    [InlineData("zhongwei-2024-entrepreneurship-fund")]
    [InlineData("zhongwei-2024-employment-service-demo")]
    [InlineData("guangxi-2024-employment-transfer")]
    public void EveryFindingOfTheReferenceTables_IsPlacedInWords(string table)
    {
        ScoreReport score = Calculator.Score(SharedData.LoadReference(table));
        Assert.NotEmpty(score.Findings);
        Assert.All(score.Findings, f =>
        {
            string place = FindingPlaces.Of(f.Path, score);
            Assert.DoesNotContain("[", place, StringComparison.Ordinal);
            Assert.DoesNotContain("indicators", place, StringComparison.Ordinal);
            Assert.DoesNotContain("funds.", place, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void ARowAndAFundLine_AreNamed_WithTheirField()
    {
        ScoreReport score = Calculator.Score(SharedData.LoadReference("zhongwei-2024-employment-operating-funds"));
        Assert.Equal($"“{score.Indicators[4].Name}”·偏差原因", FindingPlaces.Of("indicators[4].deviationNote", score));
        Assert.Equal($"“{score.Indicators[0].Name}”", FindingPlaces.Of("indicators[0]", score));
        Assert.Equal($"资金“{score.Funds[0].Name}”·执行率", FindingPlaces.Of("funds.lines[0].printedRate", score));
        Assert.Equal("满意度指标·分值", FindingPlaces.Of("levelWeights.满意度指标", score));
        Assert.Equal("总分", FindingPlaces.Of("printedTotal", score));
        Assert.Equal("indicators[99].actual", FindingPlaces.Of("indicators[99].actual", score)); // no such row: kept as given
        Assert.Equal(string.Empty, FindingPlaces.Of(null, score));
    }
}
