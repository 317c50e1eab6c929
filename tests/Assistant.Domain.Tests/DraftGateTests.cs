using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Reporting;
using Assistant.Domain.Scoring;
using Assistant.Domain.Verification;
using Assistant.Features.Drafting;
using Assistant.Features.Evaluations;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>
/// The drafter's side of the number gate, against a verifier that still calls names and the unit's own
/// figures unverified: no name, no quoted reason, no item and no measure is lost; what the drafter itself
/// asserts and cannot be checked is marked or its clause taken out; list numbers stay consecutive.
/// </summary>
public partial class DraftGateTests
{
    private static (FactSheet Sheet, IReadOnlyList<DeviationItem> Items, string Text) Draft(string name)
    {
        JsonNode c = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Repo, "eval", "cases", "drafting", name + ".json")))!;
        Evaluation e = EvaluationJson.Parse(c["evaluation"]!.ToJsonString());
        FactSheet sheet = FactSheet.Build(e, ScoringPolicy.Default);
        var items = DeviationItems.Find(sheet, ScoringPolicy.Default, lowParts: true);
        var brief = new DraftBrief(DraftSection.Deviation, sheet, items.Select(i => new BriefItem(i, [], [])).ToList(), []);
        return (sheet, items, DraftText.Render(OfflineDrafter.Compose(brief), sheet, 0).Text);
    }

    /// <summary>The verifier's report with every digit run inside a name or a quoted reason, and the given spans, called unverified.</summary>
    private static VerificationReport Stubborn(FactSheet sheet, string text, IReadOnlyList<DeviationItem> items, params string[] also)
    {
        VerificationReport real = StatedReasonCheck.Verify(sheet, text, items);
        var extra = new List<CheckedMention>();
        var words = sheet.Evaluation.Indicators.Select(i => i.Name).Concat(items.Select(i => i.StatedReason ?? string.Empty)).Concat(also)
            .Where(w => w.Length > 0 && w.Any(char.IsAsciiDigit));
        foreach (string w in words.Distinct(StringComparer.Ordinal))
        {
            for (int at = text.IndexOf(w, StringComparison.Ordinal); at >= 0; at = text.IndexOf(w, at + w.Length, StringComparison.Ordinal))
            {
                foreach (Match m in Digits().Matches(w))
                {
                    extra.Add(new CheckedMention(new Mention(at + m.Index, m.Length, m.Value, MentionKind.Quantity, null, UnitSpec.None, null), Verdict.Unverified, null, null));
                }
            }
        }

        var mentions = real.Mentions.Where(m => !extra.Any(x => x.Mention.Start < m.Mention.Start + m.Mention.Length && m.Mention.Start < x.Mention.Start + x.Mention.Length))
            .Concat(extra).OrderBy(m => m.Mention.Start).ToList();
        return real with { Mentions = mentions, Summary = real.Summary with { Unverified = mentions.Count(m => m.Verdict == Verdict.Unverified) } };
    }

    [Theory]
    [InlineData("49-gongwei-digit-names-own-figure")]
    [InlineData("50-guanqu-weather-price-water")]
    [InlineData("51-xueqian-own-figures-staff")]
    [InlineData("53-fuyou-plan-late-staff-health")]
    public void NamesAndTheUnitsWords_AreNeverMasked_WhateverTheVerifierSays(string name)
    {
        var (sheet, items, text) = Draft(name);
        VerificationReport report = Stubborn(sheet, text, items);
        Assert.False(report.IsClean);
        GateOutcome gate = DraftGate.Judge(report, text, sheet.Evaluation, items);
        Assert.Empty(gate.Mask);

        // The unit's figures the verifier could not check are listed for review, never dropped.
        Assert.NotEmpty(gate.Kept);
        Assert.All(gate.Kept, n => Assert.Contains("单位自述", n.Message, StringComparison.Ordinal));
        Assert.True(gate.IsClean, "a figure only the unit gives is noted, and does not hold the draft back");
        var (masked, spans) = DraftText.Mask(new RenderedDraft(text.Split('\n').Select(l => new RenderedParagraph(l, [], [])).ToList(), [], []), gate.Mask);
        Assert.Empty(spans);
        Assert.Equal(text, masked.Text);
    }

    [Fact]
    public void AQuotedFigureContradictingTheTable_IsMasked_AQuoteDoesNotMakeItTrue()
    {
        Evaluation e = SharedData.LoadReference("zhongwei-2024-internship-subsidy");
        FactSheet sheet = FactSheet.Build(e);
        DeviationItem first = DeviationItems.Find(sheet).First(i => i.IndicatorIndex == 0);
        var planted = new List<DeviationItem> { first with { StatedReason = "2家用人单位退出，实际完成80人" } };
        string text = "机关事业单位实习生数量未完成。单位说明的原因是2家用人单位退出，实际完成80人。";
        VerificationReport report = StatedReasonCheck.Verify(sheet, text, planted);
        VerificationReport contradicted = report with
        {
            Mentions = report.Mentions.Select(m => m.Mention.Text.StartsWith("80", StringComparison.Ordinal) ? m with { Verdict = Verdict.Contradicted, FactId = "indicators[0].actual" } : m).ToList(),
        };
        GateOutcome gate = DraftGate.Judge(contradicted, text, sheet.Evaluation, planted);
        int at = text.IndexOf("80人", StringComparison.Ordinal);
        Assert.Contains(gate.Mask, p => p.Start == at); // the unit's 80 against the table's 58: masked like any wrong number
        Assert.False(gate.IsClean);
        Assert.DoesNotContain(gate.Kept, n => n.Message.Contains("“80", StringComparison.Ordinal));
    }

    [Fact]
    public void ADrafterNumberTheVerifierRejects_LosesItsClause_NotItsItem()
    {
        var (sheet, items, text) = Draft("48-shuiku-reverse-cost-effect");
        const string Gap = "超出控制标准11.6万元";
        Assert.Contains(Gap, text, StringComparison.Ordinal);
        VerificationReport report = Stubborn(sheet, text, items, Gap);
        GateOutcome gate = DraftGate.Judge(report, text, sheet.Evaluation, items);
        Assert.NotEmpty(gate.Mask);

        var paragraphs = text.Split('\n').Select(l => new RenderedParagraph(l, [], [])).ToList();
        var (masked, _) = DraftText.Mask(new RenderedDraft(paragraphs, [], []), gate.Mask);
        (string clean, var notes) = ReportText.Clean(masked.Text, "三");

        // Every item and measure line is still there, numbered 1…n, and the unit's 11.6万元 is still quoted.
        Assert.Equal(CountItems(text), CountItems(clean));
        Assert.Equal(ReportText.Renumber(clean), clean);
        Assert.Contains("单座投资较概算增加11.6万元", clean, StringComparison.Ordinal);
        Assert.DoesNotContain(DraftText.Unverified, clean, StringComparison.Ordinal);
        Assert.Contains(notes, n => n.Message.Contains("分句已删去", StringComparison.Ordinal));
    }

    [Fact]
    public void AMarkInASentencesSubject_StaysVisible_AndTheSentenceStays()
    {
        string text = "三、偏离绩效目标的原因和下一步改进措施\n（一）偏离绩效目标的原因\n1. “【待核实】型糖尿病患者规范管理率”未完成年度指标值，年度指标值62%，实际完成58.3%。单位说明的原因是村医力量不足。\n2. “受益人口”未完成年度指标值，与指标值相差【待核实】，扣1.53分。\n（二）下一步改进措施\n1. 针对上述问题，加强乡村医生队伍建设。\n3. 针对“受益人口”未完成的问题，加快未完工工程建设。";
        (string clean, var notes) = ReportText.Clean(text, "三");
        Assert.Contains("“【待核实】型糖尿病患者规范管理率”未完成年度指标值", clean, StringComparison.Ordinal);
        Assert.Contains("2. “受益人口”未完成年度指标值，扣1.53分。", clean, StringComparison.Ordinal);
        Assert.Contains("单位说明的原因是村医力量不足。", clean, StringComparison.Ordinal);
        Assert.Contains("\n2. 针对“受益人口”未完成的问题", clean, StringComparison.Ordinal);
        Assert.Contains(notes, n => n.Message.Contains("标为【待核实】", StringComparison.Ordinal));
        Assert.False(ReportText.IsSubmittable(clean));
    }

    [Theory]
    [InlineData("1. 甲\n2. 乙\n3. 丙\n6. 丁", "1. 甲\n2. 乙\n3. 丙\n4. 丁")]
    [InlineData("（一）原因\n1. 甲\n3. 乙\n（二）措施\n2. 丙\n5、丁", "（一）原因\n1. 甲\n2. 乙\n（二）措施\n1. 丙\n2、丁")]
    [InlineData("1.产出指标完成情况。\n（1）数量指标：甲\n2.效益指标完成情况。", "1.产出指标完成情况。\n（1）数量指标：甲\n2.效益指标完成情况。")]
    [InlineData("1.5万元用于培训", "1.5万元用于培训")]
    public void ListNumbers_AreConsecutive(string text, string expected) => Assert.Equal(expected, ReportText.Renumber(text));

    private static int CountItems(string text) => text.Split('\n').Count(l => l.Length > 0 && char.IsAsciiDigit(l[0]));

    [GeneratedRegex(@"\d+(?:\.\d+)?")]
    private static partial Regex Digits();
}
