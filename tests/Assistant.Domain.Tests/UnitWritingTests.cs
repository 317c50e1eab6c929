using System.Text.Json.Nodes;
using Assistant.Domain.Evaluations;
using Assistant.Features.Evaluations;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 32 (units): a reverse row in 1/10万 over its cap by 4 was printed “超出上限41/10万” (4 then 1/10万) in the
/// score finding and the review list. The class: every number written before a unit goes through
/// <see cref="Numbers.UnitSpec.Write"/>, so a unit that starts with a digit never runs into the number.
/// </summary>
public class UnitWritingTests
{
    private static Evaluation Table(string unit, string target, string actual, string? note = null)
    {
        var row = new JsonObject { ["level1"] = "效益指标", ["level2"] = "社会效益指标", ["name"] = "测试指标", ["unit"] = unit, ["target"] = target, ["actual"] = actual, ["weight"] = "90" };
        if (note is not null)
        {
            row["deviationNote"] = note;
        }

        var e = new JsonObject
        {
            ["kind"] = "project", ["title"] = "妇幼健康服务项目", ["year"] = 2024,
            ["funds"] = new JsonObject
            {
                ["unit"] = "万元", ["weight"] = "10",
                ["lines"] = new JsonArray(new JsonObject { ["name"] = "年度资金总额", ["budget"] = "100.00", ["executed"] = "100.00" }),
            },
            ["indicators"] = new JsonArray(row),
        };
        return EvaluationJson.Parse(e.ToJsonString());
    }

    [Theory]
    [InlineData("1/10万", "≤20", "24", "超出上限4/10万")]
    [InlineData("1/10万", "≤17.8", "19.3", "超出上限1.5/10万")]
    [InlineData("1/1000", "≤5", "6", "超出上限1/1000")]
    [InlineData("10万人口", "≤3", "5", "超出上限2/10万人口")]
    [InlineData("‰", "≤50", "55", "超出上限5‰")]
    [InlineData("元/人", "≤89", "95", "超出上限6元/人")]
    [InlineData("次/年", "≤2", "3", "超出上限1次/年")]
    [InlineData("1/10万", "≤20", "12", "低于上限8/10万")]
    public void ReverseRowLimit_WritesTheNumberBeforeItsUnit(string unit, string target, string actual, string expected)
    {
        Evaluation e = Table(unit, target, actual);
        ScoreReport score = Calculator.Score(e);
        IndicatorResult r = score.Indicators[0];
        Assert.Equal(expected, CompletionWords.Limit(r));
        if (r.Status == IndicatorStatus.Short)
        {
            Finding f = Assert.Single(score.Findings, x => x.Code == FindingCodes.IndicatorShortfallUnexplained);
            Assert.Contains(expected, f.Message, StringComparison.Ordinal);
        }
    }
}
