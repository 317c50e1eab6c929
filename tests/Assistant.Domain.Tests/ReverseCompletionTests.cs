using System.Text.Json.Nodes;
using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Reporting;
using Assistant.Domain.Review;
using Assistant.Domain.Scoring;
using Assistant.Features.Evaluations;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 31: a reverse (越低越好, ≤ a cap) row's 完成值 ÷ 指标值 — 3.6 against ≤2 is 180 %, 1.2‰ against ≤0.9‰
/// is 133.33 % — is no 完成率: it read as over-achievement in the report, the draft's repeated-reason note,
/// the findings and the cross-unit list. Such a row is stated by how far it is over its cap.
/// </summary>
public class ReverseCompletionTests
{
    private static Evaluation Load(string name, Action<JsonNode>? change = null)
    {
        JsonNode node = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Repo, "tests", "Assistant.Domain.Tests", "Fixtures", name + ".json")))!;
        change?.Invoke(node);
        return EvaluationJson.Parse(node.ToJsonString());
    }

    private static readonly FactSheet Fire = FactSheet.Build(Load("p30-shaoyang-D-fanghuo"));
    private static readonly FactSheet Elderly = FactSheet.Build(Load("p30-shaoyang-B-yanglao"));

    private static int Row(FactSheet s, string name) => s.Evaluation.Indicators.Select((x, i) => (x, i)).Single(x => x.x.Name == name).i;

    [Theory]
    [InlineData("fire", "森林火灾受害率", "超出上限0.3‰")]
    [InlineData("fire", "防火隔离带建设单价", "超出上限0.3万元/公里")]
    [InlineData("elderly", "补贴资金发放差错金额", "超出上限1.6万元")]
    public void AReverseRow_HasNoCompletionRate_ButItsDistanceFromTheCap(string table, string name, string limit)
    {
        FactSheet s = table == "fire" ? Fire : Elderly;
        IndicatorResult r = s.Report.Indicators[Row(s, name)];
        Assert.Equal(IndicatorRule.Reverse, r.Rule);
        Assert.True(r.Completion > 1m); // the calculator's ratio (the score contract's completion) is unchanged
        Assert.Null(CompletionWords.Shown(r));
        Assert.Equal(limit, CompletionWords.Limit(r));
        Assert.Equal(limit, CompletionWords.Describe(r));
    }

    [Fact]
    public void APositiveRow_KeepsItsCompletionRate()
    {
        IndicatorResult r = Fire.Report.Indicators[Row(Fire, "新建防火隔离带长度")];
        Assert.Equal(r.Completion, CompletionWords.Shown(r));
        Assert.Null(CompletionWords.Limit(r));
        Assert.Equal("完成率84.44%", CompletionWords.Describe(r));
    }

    [Fact]
    public void AReverseRowUnderItsCap_IsBelowIt()
    {
        Evaluation e = Load("p30-shaoyang-D-fanghuo", n => n["indicators"]![5]!["actual"] = "0.6‰");
        IndicatorResult r = Calculator.Score(e).Indicators[5];
        Assert.Equal(IndicatorStatus.Exceeded, r.Status);
        Assert.Equal("低于上限0.3‰", CompletionWords.Limit(r));
    }

    [Fact]
    public void TheReport_StatesAReverseRowByItsExcess_NotAsACompletionRate()
    {
        var phrases = new ReportPhrases(Fire);
        string clause = DraftText.Render(phrases.Indicator(Row(Fire, "森林火灾受害率")), Fire, 0).Text;
        Assert.Contains("超出上限0.3‰", clause, StringComparison.Ordinal);
        Assert.DoesNotContain("完成率", clause, StringComparison.Ordinal);
        Assert.Contains("未完成年度指标值", clause, StringComparison.Ordinal);
        string positive = DraftText.Render(phrases.Indicator(Row(Fire, "新建防火隔离带长度")), Fire, 0).Text;
        Assert.Contains("完成率84.44%", positive, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRepeatedReasonNote_NamesTheReverseRowsExcess_NotARateAbove100()
    {
        // As the unit printed it: 受害率 1.2‰ earns 6.67 of 10, the others 83 %–95 %: no wide spread (it was
        // claimed from “83.00%至133.33%”, the reverse row's ratio read as a 完成率).
        ReviewNote note = Assert.Single(ReasonStrength.Judge(Fire, DeviationItems.Find(Fire)), n => n.Kind == ReviewNoteKinds.RepeatedReason);
        Assert.DoesNotContain("133.33%", note.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("105.00%", note.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("相差很大", note.Message, StringComparison.Ordinal);

        // Far over its cap (2.0‰, nothing earned): the spread is real, and the reverse row is named by its excess.
        FactSheet far = FactSheet.Build(Load("p30-shaoyang-D-fanghuo", n => n["indicators"]![5]!["actual"] = "2.0‰"));
        ReviewNote wide = Assert.Single(ReasonStrength.Judge(far, DeviationItems.Find(far)), n => n.Kind == ReviewNoteKinds.RepeatedReason);
        Assert.Contains("相差很大（完成率83.00%至91.76%，“防火隔离带建设单价”超出上限0.3万元/公里，“森林火灾受害率”超出上限1.1‰）", wide.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnexplainedReverseShortfall_IsNamedByItsExcess()
    {
        Evaluation e = Load("p30-shaoyang-B-yanglao", n => n["indicators"]![4]!.AsObject().Remove("deviationNote"));
        Finding f = Assert.Single(Calculator.Score(e).Findings, f => f.Code == FindingCodes.IndicatorShortfallUnexplained && f.Path.StartsWith("indicators[4]", StringComparison.Ordinal));
        Assert.Contains("超出上限1.6万元", f.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("180.00%", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCrossUnitStanding_OfAReverseRow_HasNoCompletion_ButItsLimit()
    {
        IndicatorStanding s = Assert.Single(CrossUnit.Indicator("补贴资金发放差错金额", Elderly));
        Assert.Null(s.Completion);
        Assert.Equal("超出上限1.6万元", s.Limit);
        Assert.Equal(("1.6", "万元"), s.Gap);
        IndicatorStanding p = Assert.Single(CrossUnit.Indicator("补贴按季度发放及时率", Elderly));
        Assert.Equal(0.75m, p.Completion);
        Assert.Null(p.Limit);
    }
}
