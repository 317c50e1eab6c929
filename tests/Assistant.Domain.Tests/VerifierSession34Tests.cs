using Assistant.Domain.Facts;
using Assistant.Domain.Verification;
using Assistant.Features.Evaluations;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 34: the verifier rules the probe-33 testers found wrong, each as a class over several tables (卫健, 教育, 农田
/// transfer, 林业, 养老 in 甘肃, 急救): counts of indicators are exact (a weaker qualitative row counts as 未完成 unless the
/// sentence counts it apart); a gap in 个千分点 after 控制标准/上限 is bound to the row the sentence names; a gap in the other
/// kind of points than the row's is contradicted naming the right kind; a score given to a fund part is contradicted (the parts
/// carry no score); a ≤ row verifies both 完成值÷指标值 and 指标值÷完成值 whatever its status; a wrong gap in 个百分点 is cited
/// against the row's own gap; 达到320人的目标 is a claim; a sentence naming a fund part is checked against that part first.
/// Every case runs on the verifier and on the reference restatement alike.
/// </summary>
public class VerifierSession34Tests
{
    private static FactSheet Table(string name) => FactSheet.Build(EvaluationJson.Parse(File.ReadAllText(
        Path.Combine(RepoPaths.Repo, "eval", "cases", "verifier", "tables", name + ".json"))));

    private static readonly Dictionary<string, FactSheet> Sheets = new[]
    {
        "p34-A-gongwei", "p34-B-yiwu", "p34-C-nongtian", "p34-H-jiwei", "p34-F-senlin", "p34-W-yanglao", "p33-V-jijiu",
    }.ToDictionary(n => n, Table);

    /// <summary>
    /// The verdicts of the numbers and claims that cover <paramref name="span"/>, from the verifier and the reference alike, are
    /// all <paramref name="expected"/>; their notes hold <paramref name="noteHas"/> when given.
    /// </summary>
    private static void Expect(string table, string text, string span, Verdict expected, string? noteHas = null, string? factId = null, bool last = false)
    {
        int at = last ? text.LastIndexOf(span, StringComparison.Ordinal) : text.IndexOf(span, StringComparison.Ordinal);
        Assert.True(at >= 0, span);
        foreach (VerificationReport report in new[] { Verifier.Verify(Sheets[table], text), ReferenceVerifier.Verifier.Verify(Sheets[table], text) })
        {
            var found = report.Mentions.Where(m => m.Mention.Start < at + span.Length && m.Mention.Start + m.Mention.Length > at)
                .Select(m => (m.Verdict, m.Note, m.FactId))
                .Concat(report.Claims.Where(c => c.Start < at + span.Length && c.Start + c.Length > at).Select(c => (c.Verdict, c.Note, c.FactId))).ToList();
            Assert.True(found.Count > 0, $"{text}: nothing read at {span}");
            Assert.All(found, f => Assert.True(f.Verdict == expected, $"{text} [{span}]: {f.Verdict} {f.FactId} {f.Note}"));
            if (noteHas is not null)
            {
                Assert.All(found, f => Assert.Contains(noteHas, f.Note ?? string.Empty, StringComparison.Ordinal));
            }

            if (factId is not null)
            {
                Assert.All(found, f => Assert.Equal(factId, f.FactId));
            }
        }
    }

    /// <summary>Probe 33 files #2 and chat #8: counted rows are exact integers; the total is checked against the indicator count.</summary>
    [Theory]
    [InlineData("p34-A-gongwei", "7项绩效指标中3项未完成。", "3项", Verdict.Contradicted)]
    [InlineData("p34-A-gongwei", "7项绩效指标中4项未完成。", "4项", Verdict.Verified)]
    [InlineData("p34-A-gongwei", "7项绩效指标中4项未完成。", "7项", Verdict.Verified)]
    [InlineData("p34-A-gongwei", "本项目共设置7项绩效指标，其中未完成4项。", "4项", Verdict.Verified)]
    [InlineData("p34-A-gongwei", "本项目共设置7项绩效指标，已完成4项。", "4项", Verdict.Contradicted)]
    [InlineData("p34-C-nongtian", "10项指标中8项完成。", "8项", Verdict.Contradicted)]
    [InlineData("p34-C-nongtian", "10项指标中7项完成。", "7项", Verdict.Verified)]
    [InlineData("p34-C-nongtian", "共设置10项指标，已完成8项，未完成2项。", "8项", Verdict.Contradicted)]
    [InlineData("p34-C-nongtian", "共设置10项指标，已完成8项，未完成2项。", "2项", Verdict.Contradicted)]
    [InlineData("p34-C-nongtian", "共设置10项指标，已完成7项，未完成3项。", "3项", Verdict.Verified)]
    [InlineData("p34-C-nongtian", "10项指标中有5项未完成。", "10项", Verdict.Verified)]
    [InlineData("p34-C-nongtian", "10项指标中有5项未完成。", "5项", Verdict.Contradicted)]
    [InlineData("p34-C-nongtian", "10项指标中有3项未完成。", "10项", Verdict.Verified)]
    [InlineData("p34-C-nongtian", "10项指标中仅有2项未完成。", "10项", Verdict.Verified)]
    [InlineData("p34-C-nongtian", "10项指标中仅有2项未完成。", "2项", Verdict.Contradicted)]
    [InlineData("p34-C-nongtian", "共设置10项绩效指标，其中2项未完成。", "2项", Verdict.Contradicted)]
    [InlineData("p34-H-jiwei", "本项目共设置绩效指标10个，其中未完成3个。", "3个", Verdict.Contradicted)]
    [InlineData("p34-H-jiwei", "本项目共设置绩效指标10个，其中未完成4个。", "4个", Verdict.Verified)]
    [InlineData("p34-W-yanglao", "8项指标中2项未完成。", "2项", Verdict.Contradicted)]
    [InlineData("p34-W-yanglao", "8项指标中有3项未完成。", "3项", Verdict.Verified)]
    [InlineData("p34-W-yanglao", "8项指标中有3项未完成。", "8项", Verdict.Verified)]
    [InlineData("p34-W-yanglao", "全年8项绩效指标中，已完成6项。", "6项", Verdict.Contradicted)]
    [InlineData("p34-W-yanglao", "全年8项绩效指标中，已完成5项。", "5项", Verdict.Verified)]
    public void ACountOfIndicators_IsExact(string table, string text, string span, Verdict expected) =>
        Expect(table, text, span, expected);

    /// <summary>A sentence that counts the weaker qualitative rows apart (as the drafted report does) may leave them out.</summary>
    [Theory]
    [InlineData("p34-A-gongwei", "年度共设置三级绩效指标7项，完成值达到指标值的3项，实际效果弱于指标值的1项，未达到指标值的3项。", "的3项")]
    [InlineData("p34-H-jiwei", "共设置绩效指标10项，完成值达到指标值的6项，实际效果弱于指标值的1项，未达到指标值的3项。", "的3项")]
    [InlineData("p34-W-yanglao", "共设置绩效指标8项，实际效果弱于指标值的1项，未达到指标值的2项。", "的2项")]
    public void ACountThatSetsTheWeakerRowsApart_LeavesThemOut(string table, string text, string span) =>
        Expect(table, text, span, Verdict.Verified, last: true);

    /// <summary>扣分 counts points lost, not 未完成: a count of rows that lost points is never verified as the count of short rows.</summary>
    [Theory]
    [InlineData("p34-H-jiwei", "扣分的绩效指标有3项。")]
    [InlineData("p34-A-gongwei", "扣分的指标共有3项。")]
    public void ACountOfRowsThatLostPoints_IsNotTheCountOfShortRows(string table, string text)
    {
        foreach (VerificationReport report in new[] { Verifier.Verify(Sheets[table], text), ReferenceVerifier.Verifier.Verify(Sheets[table], text) })
        {
            CheckedMention count = Assert.Single(report.Mentions);
            Assert.False(count.Verdict == Verdict.Verified && count.FactId == "count.short", $"{text}: {count.Verdict} {count.FactId}");
        }
    }

    /// <summary>Probe 33 files #4 and chat #15: a gap after 控制标准/上限 belongs to the row the sentence names; points of the row's kind.</summary>
    [Theory]
    [InlineData("p34-A-gongwei", "新生儿死亡率4.2‰，低于控制标准0.6个千分点。", "0.6个千分点", Verdict.Contradicted)]
    [InlineData("p34-A-gongwei", "新生儿死亡率4.2‰，低于5‰的控制标准0.6个千分点。", "0.6个千分点", Verdict.Contradicted)]
    [InlineData("p34-A-gongwei", "新生儿死亡率4.2‰，低于控制标准0.8个千分点。", "0.8个千分点", Verdict.Verified)]
    [InlineData("p34-B-yiwu", "学生辍学率2.6‰，超出控制标准0.8个千分点。", "0.8个千分点", Verdict.Contradicted)]
    [InlineData("p34-B-yiwu", "学生辍学率2.6‰，超出控制标准0.6个千分点。", "0.6个千分点", Verdict.Verified)]
    [InlineData("p34-W-yanglao", "失能老年人意外伤害发生率2.4‰，低于控制标准0.6个千分点。", "0.6个千分点", Verdict.Verified)]
    [InlineData("p34-W-yanglao", "失能老年人意外伤害发生率2.4‰，低于控制上限0.9个千分点。", "0.9个千分点", Verdict.Contradicted)]
    [InlineData("p33-V-jijiu", "急救患者死亡率6.5‰，低于控制标准2.5个千分点。", "2.5个千分点", Verdict.Contradicted)]
    [InlineData("p34-F-senlin", "森林火灾受害率为1.2‰，超出控制上限0.3个千分点。", "0.3个千分点", Verdict.Verified)]
    [InlineData("p34-F-senlin", "森林火灾受害率为1.2‰，超出控制上限0.5个千分点。", "0.5个千分点", Verdict.Contradicted)]
    [InlineData("p34-A-gongwei", "人均服务成本95元，超出控制标准6元。", "6元", Verdict.Verified)]
    [InlineData("p34-A-gongwei", "人均服务成本95元，超出控制标准5元。", "5元", Verdict.Contradicted)]
    [InlineData("p34-W-yanglao", "人均上门服务成本126元/人次，超出控制标准6元/人次。", "6元/人次", Verdict.Verified)]
    public void AGapAfterTheLimit_BelongsToTheNamedRow(string table, string text, string span, Verdict expected) =>
        Expect(table, text, span, expected, last: true);

    [Theory]
    [InlineData("p34-F-senlin", "森林火灾受害率为1.2‰，超出控制目标0.3个百分点。", "0.3个百分点", "千分点")]
    [InlineData("p34-B-yiwu", "学生辍学率2.6‰，超出控制标准0.6个百分点。", "0.6个百分点", "千分点")]
    [InlineData("p34-W-yanglao", "失能老年人意外伤害发生率2.4‰，比控制标准低0.6个百分点。", "0.6个百分点", "千分点")]
    [InlineData("p34-F-senlin", "森林覆盖率达到62.8%，较目标提高0.3个千分点。", "0.3个千分点", "百分点")]
    [InlineData("p34-W-yanglao", "老年人健康管理率72.6%，超出目标2.6个千分点。", "2.6个千分点", "百分点")]
    public void AGapInTheOtherKindOfPoints_IsContradictedNamingTheRightKind(string table, string text, string span, string kind) =>
        Expect(table, text, span, Verdict.Contradicted, "差距应以" + kind + "表示");

    /// <summary>Probe 33 files #6: the fund parts carry no score; only the total line's 资金得分 counts.</summary>
    [Theory]
    [InlineData("p34-B-yiwu", "中央资金执行率90.00%，得分9.00分。", "9.00分")]
    [InlineData("p34-B-yiwu", "县级资金执行率80.00%，得分8.00分。", "8.00分")]
    [InlineData("p34-W-yanglao", "省级资金执行率85.00%，得分8.50分。", "8.50分")]
    [InlineData("p34-W-yanglao", "县级配套资金得分7.67分。", "7.67分")]
    [InlineData("p34-A-gongwei", "其他资金执行率80.54%，得分8.05分。", "8.05分")]
    [InlineData("p34-H-jiwei", "省级资金执行率65.00%，执行率得分6.50分。", "6.50分")]
    public void AScoreGivenToAFundPart_IsContradicted(string table, string text, string span) =>
        Expect(table, text, span, Verdict.Contradicted, "资金来源各部分不单独计分");

    [Theory]
    [InlineData("p34-B-yiwu", "年度资金总额执行率85.94%，得分8.59分。", "8.59分")]
    [InlineData("p34-W-yanglao", "年度资金总额执行率90.00%，资金得分9.00分。", "9.00分")]
    [InlineData("p34-B-yiwu", "中央资金执行率90.00%，项目自评总分85.59分。", "85.59分")]
    public void TheTotalLinesScore_StillVerifies(string table, string text, string span) =>
        Expect(table, text, span, Verdict.Verified);

    /// <summary>
    /// Probe 33 files #7: a ≤ row that broke its limit verifies 指标值÷完成值 (the ratio policy's; session 35: its 完成值÷指标值 above
    /// 100 % is contradicted as it reads as over-achievement); one
    /// that kept it verifies 完成值÷指标值 only (it scores full, 指标值÷完成值 measures nothing the rules use).
    /// </summary>
    [Theory]
    // Session 35 (files probe 34 #7): 完成值÷指标值 above 100 % on a row that broke its limit reads as over-achievement: contradicted.
    [InlineData("p34-B-yiwu", "学生辍学率完成率130.00%。", "130.00%", Verdict.Contradicted)]
    [InlineData("p34-B-yiwu", "学生辍学率完成率76.92%。", "76.92%", Verdict.Verified)]
    [InlineData("p34-A-gongwei", "新生儿死亡率完成率84.00%。", "84.00%", Verdict.Verified)]
    [InlineData("p34-A-gongwei", "新生儿死亡率完成率119.05%。", "119.05%", Verdict.Contradicted)]
    [InlineData("p34-W-yanglao", "失能老年人意外伤害发生率完成率125.00%。", "125.00%", Verdict.Contradicted)]
    [InlineData("p34-W-yanglao", "失能老年人意外伤害发生率完成率80.00%。", "80.00%", Verdict.Verified)]
    [InlineData("p34-W-yanglao", "人均上门服务成本完成率95.24%。", "95.24%", Verdict.Verified)]
    [InlineData("p34-W-yanglao", "人均上门服务成本完成率105.00%。", "105.00%", Verdict.Contradicted)]
    [InlineData("p34-W-yanglao", "失能老年人意外伤害发生率完成率75.00%。", "75.00%", Verdict.Contradicted)]
    [InlineData("p34-A-gongwei", "新生儿死亡率完成率110.00%。", "110.00%", Verdict.Contradicted)]
    public void ACeilingRowsCompletion_ReadsBothWaysOnlyWhenItBrokeItsLimit(string table, string text, string span, Verdict expected) =>
        Expect(table, text, span, expected);

    [Fact]
    public void TheReverseRatioOfAKeptCeiling_IsContradictedSayingWhy() =>
        Expect("p34-A-gongwei", "新生儿死亡率完成率119.05%。", "119.05%", Verdict.Contradicted, "指标值÷完成值只用于超出上限的指标");

    /// <summary>Probe 33 files #8: the note proposes the row's gap (actual − target), the figure the verifier verifies.</summary>
    [Theory]
    [InlineData("p34-A-gongwei", "服务对象满意度93.5%，超出目标5.3个百分点。", "5.3个百分点", "3.5个百分点", "indicators[6].gap")]
    [InlineData("p34-W-yanglao", "老年人健康管理率72.6%，超出目标3.6个百分点。", "3.6个百分点", "2.6个百分点", "indicators[5].gap")]
    [InlineData("p34-B-yiwu", "家长满意度96.2%，超出目标1.8个百分点。", "1.8个百分点", "1.2个百分点", "indicators[4].gap")]
    public void AWrongPointsGap_IsCitedAgainstTheRowsGap(string table, string text, string span, string proposed, string factId)
    {
        Expect(table, text, span, Verdict.Contradicted, proposed, factId);
        Expect(table, text.Replace(span, proposed, StringComparison.Ordinal), proposed, Verdict.Verified);
    }

    /// <summary>Chat probe 33 #6: 达到320人的目标 is a claim the row was met; a quoted target word is no subject of its own.</summary>
    [Theory]
    [InlineData("p34-F-senlin", "全年选聘生态护林员305人，达到320人的目标。", "达到", Verdict.Contradicted)]
    [InlineData("p34-F-senlin", "全年选聘生态护林员305人，未达到320人的目标。", "未达到", Verdict.Verified)]
    [InlineData("p34-W-yanglao", "新建社区日间照料中心10个，完成了12个的年度目标任务。", "完成了", Verdict.Contradicted)]
    [InlineData("p34-W-yanglao", "居家上门服务32400人次，达到30000人次的目标。", "达到", Verdict.Verified)]
    [InlineData("p34-C-nongtian", "新增粮食产能520万公斤，实现380万公斤的预期目标。", "实现", Verdict.Verified)]
    [InlineData("p34-A-gongwei", "家庭医生签约服务11400人次，达到12000人次的目标。", "达到", Verdict.Contradicted)]
    [InlineData("p34-A-gongwei", "群众健康意识有所提升，未达到“明显提升”的目标。", "未达到", Verdict.Verified)]
    [InlineData("p34-H-jiwei", "基层医疗卫生服务能力有所提升，未达到“明显提升”的预期目标。", "未达到", Verdict.Verified)]
    [InlineData("p34-C-nongtian", "工程管护机制基本健全，未达到“健全”的目标。", "未达到", Verdict.Verified)]
    public void AReachedTargetWrittenAsANumber_IsAClaim(string table, string text, string span, Verdict expected) =>
        Expect(table, text, span, expected);

    /// <summary>Chat probe 33 #7: a sentence naming a fund part is checked against that part's figure before any derived one.</summary>
    [Theory]
    [InlineData("p34-F-senlin", "其中上年结转资金执行156万元。", "156万元", Verdict.Contradicted)]
    [InlineData("p34-F-senlin", "其中上年结转资金执行150万元。", "150万元", Verdict.Verified)]
    [InlineData("p34-W-yanglao", "其中县级配套资金执行131万元。", "131万元", Verdict.Contradicted)]
    [InlineData("p34-W-yanglao", "其中省级资金执行85万元。", "85万元", Verdict.Verified)]
    [InlineData("p34-B-yiwu", "其中省级资金执行380万元。", "380万元", Verdict.Contradicted)]
    public void ASentenceNamingAFundPart_IsCheckedAgainstThatPart(string table, string text, string span, Verdict expected) =>
        Expect(table, text, span, expected);
}
