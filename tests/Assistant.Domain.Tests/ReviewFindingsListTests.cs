using Assistant.Features.Evaluations;
using Assistant.Features.Review;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 31: the review page listed 审核发现 “无” beside a high risk driven by the report's contradictions.
/// The submission's <c>findings</c> hold the table's findings, the report's contradictions and the risk's reasons.
/// </summary>
public class ReviewFindingsListTests
{
    private static ScoreResponse Score(string fixture) =>
        EvaluationService.Score(EvaluationJson.Parse(File.ReadAllText(Path.Combine(RepoPaths.Repo, "tests", "Assistant.Domain.Tests", "Fixtures", fixture + ".json"))));

    [Fact]
    public void AHighRiskFromTheReport_IsListed_EvenWhenTheTableHasNoFinding()
    {
        ScoreResponse score = Score("p30-shaoyang-D-fanghuo");
        var clean = score with { Findings = [] };
        ReportParagraph[] paragraphs =
        [
            new("performance", 0, "项目资金执行率85%。") { Contradictions = ["“85%”与自评表不符：执行率为83.00%"] },
            new("performance", 1, "各项指标均已完成。") { Contradictions = ["“均已完成”的结论与自评表不符"] },
            new("deviation", 0, "无。"),
        ];
        var risk = new RiskSummary("high", 70, ["报告中的数字或结论与自评表矛盾（2处）/ numbers or claims in the report contradict the table (2)", "偏差原因是套话（5处）/ boilerplate reasons (5)"]);

        IReadOnlyList<ReviewFinding> found = ReviewFinding.Of(clean, paragraphs, risk);
        Assert.Equal(4, found.Count);
        Assert.Equal(["report", "report", "risk", "risk"], found.Select(f => f.Source));
        Assert.Equal(("performance", 1), (found[1].Part, found[1].Paragraph));
        Assert.StartsWith("报告“均已完成”", found[1].Message, StringComparison.Ordinal);
        Assert.Equal("风险提示：偏差原因是套话（5处）", found[3].Message);
        Assert.All(found, f => Assert.DoesNotContain("boilerplate", f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void TheTablesFindings_ComeFirst_WithTheirCodes_AndNothingIsListedWhenNothingIsFound()
    {
        ScoreResponse score = Score("p30-shaoyang-B-yanglao");
        IReadOnlyList<ReviewFinding> found = ReviewFinding.Of(score, [], new RiskSummary("low", 0, []));
        Assert.Equal(score.Findings.Select(f => f.Code), found.Select(f => f.Code));
        Assert.All(found, f => Assert.Equal("table", f.Source));
        Assert.Empty(ReviewFinding.Of(score with { Findings = [] }, [], new RiskSummary("low", 0, [])));
    }
}
