using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Reporting;
using Assistant.Domain.Scoring;
using Assistant.Domain.Verification;
using Assistant.Features.Drafting;
using Assistant.Features.Evaluations;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Section 三 offline, without a corpus, as a finance-bureau reviewer reads it: the unit's reasons kept
/// with their numbers, every item a reviewer expects (low parts of the funds too), measures that answer
/// each stated cause's kind, no cause the table does not give, and the wording a reviewer would strike
/// gone. The cases are eval/cases/drafting/4x-*.json; each says what its draft must and must not hold.
/// </summary>
public partial class OfflineDraftCauseTests
{
    public static TheoryData<string> Cases() => new(Directory.GetFiles(Path.Combine(RepoPaths.Repo, "eval", "cases", "drafting"), "*.json")
        .Where(f => JsonNode.Parse(File.ReadAllText(f))!["expect"] is not null).Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!);

    private static (FactSheet Sheet, IReadOnlyList<DeviationItem> Items, string Text, JsonNode Expect) Draft(string name)
    {
        JsonNode c = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Repo, "eval", "cases", "drafting", name + ".json")))!;
        Evaluation e = EvaluationJson.Parse(c["evaluation"]!.ToJsonString());
        FactSheet sheet = FactSheet.Build(e, ScoringPolicy.Default);
        var items = DeviationItems.Find(sheet, ScoringPolicy.Default, lowParts: true);
        var brief = new DraftBrief(DraftSection.Deviation, sheet, items.Select(i => new BriefItem(i, [], [])).ToList(), []);
        string text = DraftText.Render(OfflineDrafter.Compose(brief), sheet, 0).Text;
        return (sheet, items, text, c["expect"]!);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheDraft_HoldsWhatAReviewerExpects_AndNothingStruck(string name)
    {
        var (_, _, text, expect) = Draft(name);
        foreach (string must in expect["contains"]!.AsArray().Select(n => (string)n!))
        {
            Assert.True(text.Contains(must, StringComparison.Ordinal), $"{name}: missing “{must}” in\n{text}");
        }

        foreach (string never in expect["absent"]!.AsArray().Select(n => (string)n!))
        {
            Assert.False(text.Contains(never, StringComparison.Ordinal), $"{name}: holds “{never}” in\n{text}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryNumber_ReVerifies_TheUnitsQuotedNumbersAsQuotes(string name)
    {
        var (sheet, items, text, expect) = Draft(name);
        VerificationReport report = StatedReasonCheck.Verify(sheet, text, items);
        string problems = string.Join("; ", report.Mentions.Where(m => m.Verdict is Verdict.Unverified or Verdict.Contradicted or Verdict.OutOfScope).Select(m => $"{m.Mention.Text} {m.Verdict} {m.Note}"));

        // What the drafter itself asserts always verifies; a digit in a name or a figure of the unit's own
        // words is spared by the drafter's gate whatever the verifier says of it (cases that tempt with them).
        GateOutcome gate = DraftGate.Judge(report, text, sheet.Evaluation, items);
        Assert.True(gate.Mask.Count == 0, name + ": " + problems);
        bool spared = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Repo, "eval", "cases", "drafting", name + ".json")))!["tempts"]!.AsArray()
            .Any(t => (string?)t is "digit-names" or "own-figure");
        Assert.True(spared || (report.IsClean && report.Summary.OutOfScope == 0), name + ": " + problems);
        Assert.DoesNotContain(DraftText.Unverified, text, StringComparison.Ordinal);
        Assert.NotNull(expect);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheListsAreNumberedConsecutively_AndNoMeasureRepeatsTheCauseBack(string name)
    {
        var (_, _, text, _) = Draft(name);
        Assert.Equal(ReportText.Renumber(text), text);
        Assert.DoesNotContain("围绕单位所述", text, StringComparison.Ordinal);
        Assert.DoesNotContain("按评价等级如实评分", text, StringComparison.Ordinal);
        var sentences = text.Split('\n').Where(l => l.Length > 0 && char.IsAsciiDigit(l[0]))
            .SelectMany(l => l[(l.IndexOf(' ') + 1)..].Split('。', '；')).Select(x => x.Trim()).Where(x => x.Length >= 12 && !x.Contains('“')).ToList();
        Assert.Equal(sentences.Count, sentences.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryItem_IsWritten_AndNoMeasureServesTwoCauses(string name)
    {
        var (_, items, text, _) = Draft(name);
        Assert.All(items.Where(i => i.IndicatorIndex is not null), i => Assert.Contains($"“{i.Name}”", text, StringComparison.Ordinal));
        var measures = text[text.IndexOf("（二）", StringComparison.Ordinal)..].Split('\n').Where(l => l.Length > 0 && char.IsAsciiDigit(l[0]))
            .SelectMany(l => l[(l.IndexOf('，') + 1)..].TrimEnd('。').Split('；')).ToList();
        Assert.Equal(measures.Count, measures.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotMatch(YearTwice(), text);
    }

    [Fact]
    public void APartBelowTheThreshold_IsAnItem_WhenTheTotalIsNot()
    {
        var (sheet, items, _, _) = Draft("43-xuesheng-low-parts");
        Assert.Equal(["地方资金", "其他资金"], items.Where(i => i.Kind == DeviationKind.LowExecution).Select(i => i.Name));
        Assert.DoesNotContain(DeviationItems.Find(sheet, ScoringPolicy.Default), i => i.Kind == DeviationKind.LowExecution);
    }

    [Theory]
    [InlineData("中职招生人数较计划减少，下一步加强招生宣传", "中职招生人数较计划减少", "加强招生宣传")]
    [InlineData("原因：标准调整；改进措施：提前核定对象", "原因：标准调整", "提前核定对象")]
    [InlineData("学籍核对延迟。下一步将提前开展学籍比对", "学籍核对延迟", "提前开展学籍比对")]
    [InlineData("受汛期影响工期顺延", "受汛期影响工期顺延", null)]
    [InlineData("下一步加强宣传", "下一步加强宣传", null)]
    public void AStatedNote_SplitsIntoCauseAndTheUnitsMeasure(string note, string cause, string? measure)
    {
        StatedText s = StatedText.Split(note);
        Assert.Equal(cause, s.Cause);
        Assert.Equal(measure, s.Measure);
    }

    [Theory]
    [InlineData("部分特困人员死亡及户籍迁出，资助对象动态减少", "在册对象")]
    [InlineData("部分路段施工期间交通管制影响群众出行", "便道")]
    [InlineData("部分学校学籍信息核对延迟", "信息比对")]
    [InlineData("个别大病患者医疗费用过高，救助后仍超出家庭承受能力", "倾斜救助")]
    [InlineData("中职招生人数较计划减少", "招生计划")]
    [InlineData("受汛期影响工期顺延", "汛期")]
    [InlineData("自7月起补助标准调整", "政策调整")]
    [InlineData("工程结算审计延期，部分标段交工验收推迟", "结算审计")]
    [InlineData("二季度持续降雨，培训班推迟开班", "不利天气")]
    public void EachKindOfCause_GetsItsOwnMeasure(string cause, string expected)
    {
        var answers = DraftPhrases.AnswersFor(cause);
        Assert.Contains(answers, a => a.Contains(expected, StringComparison.Ordinal));
        Assert.DoesNotContain(answers, a => a.Contains("加强过程管理和质量控制", StringComparison.Ordinal) || a.Contains("加大政策宣传", StringComparison.Ordinal)
            || a.Contains("上级财政部门", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("县级资金", "本级资金")]
    [InlineData("地方资金", "本级资金")]
    [InlineData("中央资金", "上级资金")]
    [InlineData("省级资金", "上级资金")]
    [InlineData("上年结转", "结转")]
    [InlineData("其他资金", "其他资金")]
    public void OnlyUpperLevelMoney_IsLateFromAbove(string line, string expected)
    {
        (string cause, string measure) = DraftPhrases.FundCause(line);
        Assert.Contains(expected, cause, StringComparison.Ordinal);
        Assert.Equal(expected == "上级资金", cause.Contains("下达", StringComparison.Ordinal));
        Assert.False(string.IsNullOrEmpty(measure));
    }

    [Fact]
    public void AQuotedNumberStatingATableQuantity_StaysUnverified()
    {
        Evaluation e = SharedData.LoadReference("zhongwei-2024-internship-subsidy");
        FactSheet sheet = FactSheet.Build(e);
        DeviationItem first = DeviationItems.Find(sheet).First(i => i.IndicatorIndex == 0);
        var planted = new List<DeviationItem> { first with { StatedReason = "2家用人单位退出，实际完成80人" } };
        string text = "机关事业单位实习生数量未完成。单位说明的原因是2家用人单位退出，实际完成80人。";
        VerificationReport report = StatedReasonCheck.Verify(sheet, text, planted);
        Assert.Contains(report.Mentions, m => m.Mention.Text.StartsWith('2') && m.Verdict == Verdict.Identifier && m.Note == StatedReasonCheck.QuotedNote);
        Assert.Contains(report.Mentions, m => m.Mention.Text.StartsWith("80", StringComparison.Ordinal) && m.Verdict is Verdict.Unverified or Verdict.Contradicted);
    }

    [Theory]
    [InlineData("2024年农村公路养护专项资金", 2024, "2024年农村公路养护专项资金")]
    [InlineData("农村公路养护专项资金", 2024, "2024年度农村公路养护专项资金")]
    public void TheYear_IsWrittenOnce(string title, int year, string expected)
    {
        var e = new Evaluation { Kind = EvaluationKind.Project, Title = title, Year = year, Funds = new FundSection(), Indicators = [] };
        Assert.Equal(expected, ReportPhrases.YearBefore(e));
    }

    /// <summary>With the department before it, the year comes first and a place the department or region already names is said once.</summary>
    [Theory]
    [InlineData("2025年新邵县农村饮水安全工程维修养护资金", "新邵县水利局", "湖南省邵阳市新邵县", "2025年度新邵县水利局农村饮水安全工程维修养护资金")]
    [InlineData("农村公路养护专项资金", "桃源县交通运输局", null, "2025年度桃源县交通运输局农村公路养护专项资金")]
    [InlineData("邵阳市隆回县困难老年人养老服务补贴", "隆回县民政局", "湖南省邵阳市隆回县", "2025年度隆回县民政局困难老年人养老服务补贴")]
    [InlineData("2025年度森林草原防火", "绥宁县林业局", null, "2025年度绥宁县林业局森林草原防火")]
    public void TheYear_AndThePlace_AreWrittenOnce_AfterTheDepartment(string title, string who, string? region, string expected)
    {
        var e = new Evaluation { Kind = EvaluationKind.Project, Title = title, Year = 2025, Region = region, Funds = new FundSection(), Indicators = [] };
        Assert.Equal(expected, ReportPhrases.YearBefore(e, who));
    }

    [GeneratedRegex(@"(\d{4})年度\1年")]
    private static partial Regex YearTwice();
}
