using Assistant.Domain.Facts;
using Assistant.Domain.Verification;
using Assistant.Features.Evaluations;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 32: a count right after a group of indicators (产出指标6项, 三级指标10个) counts the whole group, but a part the
/// words single out (扣分的…, 满分的…) is no such count: it must never be contradicted as if it were all the indicators.
/// </summary>
public class VerifierCountWordsTests
{
    private static readonly FactSheet Dizai = FactSheet.Build(EvaluationJson.Parse(File.ReadAllText(
        Path.Combine(RepoPaths.Repo, "eval", "cases", "verifier", "tables", "p31-D-dizai.json"))));

    [Theory]
    [InlineData("扣分的绩效指标有2项：完成地质灾害治理工程、专业监测设备单套采购成本。")]
    [InlineData("扣分的指标有2个。")]
    [InlineData("未得满分的绩效指标有2项。")]
    [InlineData("偏离目标的指标有2项。")]
    public void ASingledOutPart_IsNotCountedAsTheWholeGroup(string text)
    {
        foreach (VerificationReport report in new[] { Verifier.Verify(Dizai, text), ReferenceVerifier.Verifier.Verify(Dizai, text) })
        {
            Assert.DoesNotContain(report.Mentions, m => m.Verdict == Verdict.Contradicted);
        }
    }

    [Theory]
    [InlineData("产出指标6项。", Verdict.Verified)]
    [InlineData("产出指标7项。", Verdict.Contradicted)]
    [InlineData("效益指标共3项。", Verdict.Verified)]
    [InlineData("效益指标共4项。", Verdict.Contradicted)]
    [InlineData("三级指标10个。", Verdict.Verified)]
    [InlineData("三级指标11个。", Verdict.Contradicted)]
    public void ACountRightAfterAGroup_CountsTheGroup(string text, Verdict expected)
    {
        foreach (VerificationReport report in new[] { Verifier.Verify(Dizai, text), ReferenceVerifier.Verifier.Verify(Dizai, text) })
        {
            CheckedMention count = Assert.Single(report.Mentions, m => m.Verdict != Verdict.Identifier);
            Assert.Equal(expected, count.Verdict);
        }
    }
}
