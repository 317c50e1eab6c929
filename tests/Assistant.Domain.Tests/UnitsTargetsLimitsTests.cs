using System.Text.Json.Nodes;
using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Reporting;
using Assistant.Domain.Scoring;
using Assistant.Domain.Verification;
using Assistant.Features.Evaluations;
using Assistant.Features.Reporting;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 31's outside tables (赣州): a unit that holds a digit (1/10万, 例/万人) is written after its number without
/// running into it and read back as that unit; a target stated as a target (目标为…≥12处) stays verified on a row
/// that fell short; a ceiling said to be kept (控制在3.5万元/套以内) is contradicted when the actual broke it; a
/// weaker qualitative row is not counted as reached; the Word annex keeps the row's unit.
/// </summary>
public class UnitsTargetsLimitsTests
{
    private static Evaluation Case(string name) =>
        EvaluationJson.Parse(JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Repo, "eval", "cases", "drafting", name + ".json")))!["evaluation"]!.ToJsonString());

    private static FactSheet Sheet(string name) => ReportFacts.Extend(FactSheet.Build(Case(name)));

    [Theory]
    [InlineData("1/10万", "/10万")]
    [InlineData("1/万", "/万")]
    [InlineData("10万人", "/10万人")]
    [InlineData("‰", "‰")]
    [InlineData("万元/套", "万元/套")]
    [InlineData("例/万人", "例/万人")]
    [InlineData("", "")]
    public void AUnitStartingWithADigit_IsWrittenAsADenominator(string unit, string written) =>
        Assert.Equal(written, UnitSpec.AfterNumber(unit));

    [Theory]
    [InlineData("/10万", "1/10万")]
    [InlineData("每10万", "1/10万")]
    [InlineData("1/10万", "1/10万")]
    public void ARatePerTenThousand_WrittenWithoutItsOne_IsTheSameUnit(string unit, string canonical) =>
        Assert.Equal(canonical, UnitSpec.Parse(unit).Text);

    [Fact]
    public void TheFacts_OfARowPer100k_ReadTenPer100k_NotOneHundredAndOne()
    {
        FactSheet sheet = Sheet("62-fuyou-maternal-death-saving");
        Assert.Equal("10/10万", sheet.Find("indicators[5].target")!.Text);
        Assert.Equal("13.5/10万", sheet.Find("indicators[5].actual")!.Text);
        Assert.Equal("3.5/10万", sheet.Find("indicators[5].gap")!.Text);
        Assert.Equal("3.2‰", sheet.Find("indicators[6].actual")!.Text);
    }

    [Theory]
    [InlineData("13.5/10万", "13.5", "1/10万")]
    [InlineData("2例/10万", "2", "例/10万")]
    [InlineData("≤10/10万", "10", "1/10万")]
    [InlineData("3.6/1000", "3.6", "1/1000")]
    public void ANumberPer100k_IsOneMention_InThatUnit(string text, string value, string unit)
    {
        Mention m = Assert.Single(MentionExtractor.Extract(text), x => !x.IsIdentifier);
        Assert.Equal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), m.Number!.Value.Value);
        Assert.Equal(unit, m.Unit.Base);
    }

    [Fact]
    public void AFraction_IsNoRatePer100k() =>
        Assert.Equal(2, MentionExtractor.Extract("完成3/5").Count(m => !m.IsIdentifier));

    [Theory]
    [InlineData("孕产妇死亡率指标值≤10/10万，实际完成13.5/10万，超出控制标准3.5/10万。", true)]
    [InlineData("结核病患者死亡率年度控制标准0.5例/万人，实际为0.8例/万人。", true)]
    [InlineData("孕产妇死亡率实际完成15/10万。", false)]
    public void ARowPer100k_VerifiesAsWritten(string text, bool clean)
    {
        string table = text.StartsWith("结核", StringComparison.Ordinal) ? "66-jikong-incidence-per-100k" : "62-fuyou-maternal-death-saving";
        VerificationReport report = Verifier.Verify(Sheet(table), text);
        Assert.Equal(clean, report.IsClean);
    }

    [Fact]
    public void TheReport_OfARowPer100k_StatesTenPer100k_AndVerifies()
    {
        FactSheet sheet = Sheet("62-fuyou-maternal-death-saving");
        foreach (string key in new[] { ReportParts.Targets, ReportParts.Performance })
        {
            string text = DraftText.Render(ReportComposer.Compose(key, sheet, []).Draft, sheet, 0).Text;
            Assert.Contains("≤10/10万", text, StringComparison.Ordinal);
            Assert.DoesNotContain("101/10万", text, StringComparison.Ordinal);
            Assert.True(Verifier.Verify(sheet, text).IsClean, text);
        }
    }

    [Theory]
    [InlineData("主要产出目标为：地质灾害隐患点巡查排查数≥350处，完成地质灾害治理工程≥12处，群测群防监测员补助人数≥420人。")]
    [InlineData("年度目标为：完成地质灾害治理工程12处，群测群防监测员补助人数420人。")]
    [InlineData("绩效目标是地质灾害隐患点巡查排查数350处、完成地质灾害治理工程12处。")]
    [InlineData("完成地质灾害治理工程指标值为12处，实际完成9处。")]
    [InlineData("计划为：完成地质灾害治理工程12处。")]
    public void ATargetStatedAsTheTarget_StaysVerified_OnARowThatFellShort(string text)
    {
        VerificationReport report = Verifier.Verify(Sheet("64-dizai-module-ceiling"), text);
        Assert.True(report.IsClean, string.Join("; ", DraftText.Problems(report).Select(p => p.Reason)));
    }

    [Theory]
    [InlineData("2025年完成地质灾害治理工程12处。")]
    [InlineData("目标为12处，实际完成地质灾害治理工程12处。")]
    public void TheTargetStatedAsWhatWasDone_IsStillContradicted(string text) =>
        Assert.Contains(Verifier.Verify(Sheet("64-dizai-module-ceiling"), text).Mentions, m => m.Verdict == Verdict.Contradicted && m.Mention.Text.StartsWith("12", StringComparison.Ordinal));

    [Theory]
    [InlineData("专业监测设备单套采购成本控制在3.5万元/套以内。")]
    [InlineData("专业监测设备单套采购成本不超过3.5万元/套。")]
    [InlineData("专业监测设备单套采购成本低于3.5万元。")]
    [InlineData("专业监测设备单套采购成本未超出3.5万元/套。")]
    [InlineData("专业监测设备单套采购成本3.5万元以下。")]
    public void ACeilingSaidToBeKept_WhenTheActualBrokeIt_IsContradicted(string text)
    {
        CheckedMention m = Assert.Single(Verifier.Verify(Sheet("64-dizai-module-ceiling"), text).Mentions, x => x.Mention.Text.Contains("3.5", StringComparison.Ordinal));
        Assert.Equal(Verdict.Contradicted, m.Verdict);
        Assert.Contains("4.9", m.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("年度目标为专业监测设备单套采购成本控制在3.5万元/套以内，实际为4.9万元/套。")]
    [InlineData("专业监测设备单套采购成本指标值≤3.5万元/套，实际完成4.9万元/套，超出控制标准。")]
    [InlineData("专业监测设备单套采购成本要求不超过3.5万元/套。")]
    public void TheCeilingStatedAsTheGoal_StaysVerified(string text)
    {
        VerificationReport report = Verifier.Verify(Sheet("64-dizai-module-ceiling"), text);
        Assert.DoesNotContain(report.Mentions, m => m.Verdict == Verdict.Contradicted);
    }

    [Fact]
    public void ACeilingKept_OnARowThatKeptIt_Verifies() =>
        Assert.True(Verifier.Verify(Sheet("65-yishiyiyi-villager-funds"), "村内道路硬化平均造价控制在45万元/公里以内。").IsClean);

    [Fact]
    public void AWeakerQualitativeRow_IsNotCountedAsReached_AndPartFiveSaysSo()
    {
        FactSheet sheet = Sheet("64-dizai-module-ceiling");
        string two = DraftText.Render(ReportComposer.Compose(ReportParts.Performance, sheet, []).Draft, sheet, 0).Text;
        Assert.Contains("完成值达到指标值的7项", two, StringComparison.Ordinal);
        Assert.Contains("实际效果弱于指标值的1项", two, StringComparison.Ordinal);
        Assert.True(Verifier.Verify(sheet, two).IsClean, two);
        string five = DraftText.Render(ReportComposer.Compose(ReportParts.Other, sheet, []).Draft, sheet, 0).Text;
        Assert.DoesNotContain("无。", five, StringComparison.Ordinal);
        Assert.Contains("地质灾害监测预警能力", five, StringComparison.Ordinal);
        Assert.True(Verifier.Verify(sheet, five).IsClean, five);
    }
}
