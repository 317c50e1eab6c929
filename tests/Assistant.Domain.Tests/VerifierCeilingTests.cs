using Assistant.Domain.Facts;
using Assistant.Domain.Verification;
using Assistant.Features.Evaluations;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 33 (probe 32, #4 and #12): claims about a ceiling (reverse, ≤) row — 低于控制标准, 超出上限, 未超过, 控制在…以内,
/// 超标 — are judged by which side of its limit the actual lies; a gap in 个千分点 is read for ‰ rows as 个百分点 is for %;
/// a number in the row's own unit (also a unit written only in the row's name, （1/10万）) that is none of its figures is
/// contradicted; a qualitative row said to have reached its target word is contradicted when its result is weaker; and a
/// contradicted 完成率 of a ceiling row is explained by the ceiling, not by a 完成率 above 100 %.
/// </summary>
public class VerifierCeilingTests
{
    private static FactSheet Table(string name) => FactSheet.Build(EvaluationJson.Parse(File.ReadAllText(
        Path.Combine(RepoPaths.Repo, "eval", "cases", "verifier", "tables", name + ".json"))));

    private static readonly Dictionary<string, FactSheet> Sheets = new[]
    {
        "p33-V-jijiu", "p32-t1-nanjiang", "p32-t3-liandu", "p31-C-fuyou", "p31-T09", "p30-T02", "p30-T10", "p31-T06", "p31-D-dizai", "t2-road", "t9-reservoir",
    }.ToDictionary(n => n, Table);

    /// <summary>The verdict of the claim or number that covers <paramref name="span"/>, from the verifier and the reference alike.</summary>
    private static void Expect(string table, string text, string span, Verdict expected)
    {
        int at = text.IndexOf(span, StringComparison.Ordinal);
        Assert.True(at >= 0, span);
        foreach (VerificationReport report in new[] { Verifier.Verify(Sheets[table], text), ReferenceVerifier.Verifier.Verify(Sheets[table], text) })
        {
            var verdicts = report.Mentions.Where(m => m.Mention.Start < at + span.Length && m.Mention.Start + m.Mention.Length > at).Select(m => m.Verdict)
                .Concat(report.Claims.Where(c => c.Start < at + span.Length && c.Start + c.Length > at).Select(c => c.Verdict)).ToList();
            Assert.True(verdicts.Count > 0, $"{text}: nothing read at {span}");
            Assert.All(verdicts, v => Assert.Equal(expected, v));
            if (expected != Verdict.Contradicted)
            {
                Assert.DoesNotContain(report.Claims, c => c.Verdict == Verdict.Contradicted);
                Assert.DoesNotContain(report.Mentions, m => m.Verdict == Verdict.Contradicted);
            }
        }
    }

    [Theory]
    [InlineData("p33-V-jijiu", "院前急救平均反应时间13.5分钟，低于控制标准。", "低于控制标准", Verdict.Contradicted)]
    [InlineData("p33-V-jijiu", "院前急救平均反应时间13.5分钟，超出控制标准1.5分钟。", "超出控制标准", Verdict.Verified)]
    [InlineData("p33-V-jijiu", "急救设备采购办结时限26天，未超过控制标准。", "未超过控制标准", Verdict.Verified)]
    [InlineData("p33-V-jijiu", "急救设备采购办结时限26天，超出上限。", "超出上限", Verdict.Contradicted)]
    [InlineData("p33-V-jijiu", "人均急救转运成本480元/人，控制在目标以内。", "控制在目标以内", Verdict.Contradicted)]
    [InlineData("p33-V-jijiu", "人均急救转运成本480元/人，高于控制标准。", "高于控制标准", Verdict.Verified)]
    [InlineData("p33-V-jijiu", "急救患者死亡率6.5‰，高于控制标准。", "高于控制标准", Verdict.Contradicted)]
    [InlineData("p33-V-jijiu", "急救患者死亡率6.5‰，低于控制标准。", "低于控制标准", Verdict.Verified)]
    [InlineData("p33-V-jijiu", "道路交通事故致死率为4.6/10万，超标。", "超标", Verdict.Verified)]
    [InlineData("p33-V-jijiu", "道路交通事故致死率为4.6/10万，未超标。", "未超标", Verdict.Contradicted)]
    [InlineData("p32-t3-liandu", "人均服务成本95元，低于控制标准。", "低于控制标准", Verdict.Contradicted)]
    [InlineData("p32-t3-liandu", "人均服务成本95元，超出控制标准6元。", "超出控制标准", Verdict.Verified)]
    [InlineData("p32-t3-liandu", "甲乙类传染病发病率为198/10万，低于控制目标。", "低于控制目标", Verdict.Contradicted)]
    [InlineData("p32-t1-nanjiang", "学生近视新发率为55‰，控制在指标值以内。", "控制在指标值以内", Verdict.Contradicted)]
    [InlineData("p31-C-fuyou", "孕产妇死亡率13.5/10万，控制在控制标准以内。", "控制在控制标准以内", Verdict.Contradicted)]
    [InlineData("p31-T09", "孕产妇死亡率10.5/10万，低于控制标准。", "低于控制标准", Verdict.Verified)]
    [InlineData("p31-T09", "孕产妇死亡率10.5/10万，超出控制标准。", "超出控制标准", Verdict.Contradicted)]
    [InlineData("p30-T02", "道路交通事故数4起，低于控制目标。", "低于控制目标", Verdict.Contradicted)]
    [InlineData("p30-T10", "周边环境投诉26件，未超出上限。", "未超出上限", Verdict.Contradicted)]
    [InlineData("p31-T06", "吨水处理成本0.92元/吨，低于控制标准。", "低于控制标准", Verdict.Verified)]
    [InlineData("p31-T06", "吨水处理成本0.92元/吨，超标。", "超标", Verdict.Contradicted)]
    public void ADirectionWordOnACeilingRow_IsJudgedByTheSideOfItsLimit(string table, string text, string span, Verdict expected) =>
        Expect(table, text, span, expected);

    /// <summary>
    /// Probe 33 #3: a negated claim (未能/没有/没能 控制在…以内, 未能达到目标) says the limit or target was missed; #5: 比控制标准低/高 before a
    /// gap must agree with the side of the limit the actual lies on.
    /// </summary>
    [Theory]
    [InlineData("p33-V-jijiu", "人均急救转运成本480元/人，未能控制在目标以内。", "未能控制在目标以内", Verdict.Verified)]
    [InlineData("p33-V-jijiu", "人均急救转运成本480元/人，没有控制在控制标准以内。", "没有控制在控制标准以内", Verdict.Verified)]
    [InlineData("p33-V-jijiu", "急救患者死亡率6.5‰，没能控制在标准以内。", "没能控制在标准以内", Verdict.Contradicted)]
    [InlineData("p33-V-jijiu", "人均急救转运成本480元/人，未能控制在450元/人以内。", "450元/人", Verdict.Verified)]
    [InlineData("p31-C-fuyou", "孕产妇死亡率为13.5/10万，未能控制在10/10万以内。", "10/10万", Verdict.Verified)]
    [InlineData("p31-C-fuyou", "孕产妇死亡率为13.5/10万，控制在10/10万以内。", "10/10万", Verdict.Contradicted)]
    [InlineData("p32-t3-liandu", "老年人健康管理率未能达到目标。", "未能达到目标", Verdict.Verified)]
    [InlineData("p32-t3-liandu", "群众满意度未能达到目标。", "未能达到目标", Verdict.Contradicted)]
    [InlineData("p31-C-fuyou", "产前筛查率没能达到年度目标。", "没能达到", Verdict.Verified)]
    [InlineData("p31-C-fuyou", "孕产妇系统管理率没有实现年度目标。", "没有实现", Verdict.Contradicted)]
    [InlineData("p32-t3-liandu", "人均服务成本95元，比控制标准低6元。", "6元", Verdict.Contradicted)]
    [InlineData("p32-t3-liandu", "人均服务成本95元，比控制标准高6元。", "6元", Verdict.Verified)]
    [InlineData("p33-V-jijiu", "院前急救平均反应时间13.5分钟，比控制标准低1.5分钟。", "1.5分钟", Verdict.Contradicted)]
    [InlineData("p33-V-jijiu", "急救设备采购办结时限26天，比上限低4天。", "4天", Verdict.Verified)]
    [InlineData("p33-V-jijiu", "急救设备采购办结时限26天，比上限高4天。", "4天", Verdict.Contradicted)]
    public void ANegatedClaim_SaysTheLimitOrTargetWasMissed(string table, string text, string span, Verdict expected) =>
        Expect(table, text, span, expected);

    [Theory]
    [InlineData("p32-t1-nanjiang", "学生近视新发率55‰，高于目标值5个千分点。", "5个千分点", Verdict.Verified)]
    [InlineData("p32-t1-nanjiang", "学生近视新发率55‰，高于目标值6个千分点。", "6个千分点", Verdict.Contradicted)]
    [InlineData("p32-t1-nanjiang", "学生近视新发率55‰，低于目标值5个千分点。", "5个千分点", Verdict.Contradicted)]
    [InlineData("p31-C-fuyou", "婴儿死亡率3.2‰，低于控制目标1.8个千分点。", "1.8个千分点", Verdict.Verified)]
    [InlineData("p31-C-fuyou", "婴儿死亡率3.2‰，低于目标值2.8个千分点。", "2.8个千分点", Verdict.Contradicted)]
    [InlineData("p33-V-jijiu", "急救患者死亡率6.5‰，低于控制目标1.5个千分点。", "1.5个千分点", Verdict.Verified)]
    [InlineData("p33-V-jijiu", "急救患者死亡率6.5‰，低于目标值3个千分点。", "3个千分点", Verdict.Contradicted)]
    [InlineData("p33-V-jijiu", "急救患者死亡率6.5‰，低于目标值2个千分点。", "2个千分点", Verdict.Verified)]
    public void AGapInPerMillePoints_IsReadForPerMilleRows(string table, string text, string span, Verdict expected) =>
        Expect(table, text, span, expected);

    [Theory]
    [InlineData("p32-t3-liandu", "甲乙类传染病发病率为189/10万。", "189/10万")]
    [InlineData("p32-t3-liandu", "甲乙类传染病发病率实际为189/10万。", "189/10万")]
    [InlineData("p31-T09", "孕产妇死亡率为11.5/10万。", "11.5/10万")]
    [InlineData("p33-V-jijiu", "道路交通事故致死率为4.2/10万。", "4.2/10万")]
    [InlineData("p33-V-jijiu", "院前急救平均反应时间为12.5分钟。", "12.5分钟")]
    [InlineData("p33-V-jijiu", "急救设备采购办结时限为28天。", "28天")]
    [InlineData("p33-V-jijiu", "急救患者死亡率实际为7.5‰。", "7.5‰")]
    public void ANumberInTheRowsOwnUnit_ThatIsNoneOfItsFigures_IsContradicted(string table, string text, string span) =>
        Expect(table, text, span, Verdict.Contradicted);

    [Theory]
    [InlineData("p32-t3-liandu", "甲乙类传染病发病率为198/10万。", "198/10万")]
    [InlineData("p32-t3-liandu", "甲乙类传染病发病率目标≤180/10万。", "180/10万")]
    [InlineData("p31-T09", "孕产妇死亡率为10.5/10万。", "10.5/10万")]
    public void TheRowsOwnFigureInTheUnitOfItsName_IsVerified(string table, string text, string span) =>
        Expect(table, text, span, Verdict.Verified);

    [Theory]
    [InlineData("p32-t1-nanjiang", "教学质量提升指标达到“效果显著”的目标。", "达到“效果显著”的目标", Verdict.Contradicted)]
    [InlineData("p32-t1-nanjiang", "教学质量提升达到效果显著。", "达到效果显著", Verdict.Contradicted)]
    [InlineData("p33-V-jijiu", "急救服务规范化水平实现了“明显提升”的目标。", "实现了“明显提升”的目标", Verdict.Contradicted)]
    [InlineData("p33-V-jijiu", "急救服务规范化水平达到预期。", "达到预期", Verdict.Contradicted)]
    [InlineData("p31-D-dizai", "地质灾害监测预警能力达到明显提升的预期目标。", "达到明显提升的预期目标", Verdict.Contradicted)]
    [InlineData("t2-road", "路域环境整治效果达到“明显改善”目标。", "达到“明显改善”目标", Verdict.Contradicted)]
    [InlineData("t2-road", "路域环境整治效果达到预期效果。", "达到预期效果", Verdict.Contradicted)]
    [InlineData("t9-reservoir", "水库运行管护长效机制达到“健全完善”的目标。", "达到“健全完善”的目标", Verdict.Contradicted)]
    [InlineData("p31-C-fuyou", "妇幼健康服务体系达到“持续完善”的目标。", "达到“持续完善”的目标", Verdict.Verified)]
    public void AQualitativeRowSaidToReachItsTarget_IsContradictedWhenItsResultIsWeaker(string table, string text, string span, Verdict expected) =>
        Expect(table, text, span, expected);

    [Fact]
    public void AGoalToReachTheTargetWord_IsNoClaim()
    {
        FactSheet sheet = Table("t8-nutrition");
        const string text = "项目力争实现“明显改善”的目标，学生营养健康状况有所改善。";
        VerificationReport report = Verifier.Verify(sheet, text);
        // The goal claims nothing; the second clause states the table's own result (有所改善), verified since session 39.
        int goalEnd = text.IndexOf('，', StringComparison.Ordinal);
        Assert.DoesNotContain(report.Claims, c => c.Start < goalEnd);
        Assert.DoesNotContain(report.Claims, c => c.Verdict == Verdict.Contradicted);
    }

    [Theory]
    [InlineData("p32-t1-nanjiang", "学生近视新发率完成率95%。", "90.91%", "超出上限5‰")]
    [InlineData("p33-V-jijiu", "院前急救平均反应时间完成率为95%。", "88.89%", "超出上限1.5分钟")]
    public void AContradictedCompletionOfACeilingRow_SpeaksOfTheCeiling(string table, string text, string ratio, string limit)
    {
        foreach (VerificationReport report in new[] { Verifier.Verify(Sheets[table], text), ReferenceVerifier.Verifier.Verify(Sheets[table], text) })
        {
            CheckedMention m = Assert.Single(report.Mentions, x => x.Verdict == Verdict.Contradicted);
            Assert.Contains("上限指标", m.Note, StringComparison.Ordinal);
            Assert.Contains(limit, m.Note, StringComparison.Ordinal);
            Assert.Contains("指标值÷完成值计算为" + ratio, m.Note, StringComparison.Ordinal);
            Assert.DoesNotContain("的完成率为", m.Note, StringComparison.Ordinal);
        }
    }
}
