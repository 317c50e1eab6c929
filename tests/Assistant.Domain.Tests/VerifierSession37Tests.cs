using Assistant.Domain.Facts;
using Assistant.Domain.Verification;
using Assistant.Features.Evaluations;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 37: the verifier's defects left from session 36, each a class over tables of other provinces (重庆 农村公路, 湖北 耕地地力,
/// 福建 环卫, 四川 就业, 新疆 寄宿生): quantities with compound units (万元/公里, 元/亩, 次/月, 场次/年, 人次/年) and rates per
/// thousand or ten thousand (‱, 千分之六, 万分之二) read with their unit and checked only against facts of that unit; a rate written
/// without its % (执行率为0, 达到90) and a fund part named by its level (本级资金, 自筹资金) matched to that line's rate; and counts
/// whose subject is the sentence before (共设置7个指标。3个未完成。). Every case runs on the verifier and on the reference alike.
/// </summary>
public class VerifierSession37Tests
{
    private static FactSheet Table(string name) => FactSheet.Build(EvaluationJson.Parse(File.ReadAllText(
        Path.Combine(RepoPaths.Repo, "eval", "cases", "verifier", "tables", name + ".json"))));

    private static readonly Dictionary<string, FactSheet> Sheets = new[]
    {
        "p37-cq-nonglu", "p37-hb-gengdi", "p36-fj-huanwei", "p36-sc-jiuye", "p36-xj-jisu", "p36u-hlj-nongji",
    }.ToDictionary(n => n, Table);

    private static IEnumerable<VerificationReport> Both(string table, string text) =>
        [Verifier.Verify(Sheets[table], text), ReferenceVerifier.Verifier.Verify(Sheets[table], text)];

    /// <summary>
    /// The numbers covering <paramref name="span"/> (from both verifiers) are <paramref name="expected"/>, cite a fact holding
    /// <paramref name="factHas"/> (none when it is empty) and have notes holding <paramref name="noteHas"/>.
    /// </summary>
    private static void Expect(string table, string text, string span, Verdict expected, string? factHas = null, string? noteHas = null)
    {
        int at = text.IndexOf(span, StringComparison.Ordinal);
        Assert.True(at >= 0, span);
        foreach (VerificationReport report in Both(table, text))
        {
            var found = report.Mentions.Where(m => m.Mention.Start < at + span.Length && m.Mention.Start + m.Mention.Length > at).ToList();
            Assert.True(found.Count == 1, $"{text}: {found.Count} numbers read at {span}");
            CheckedMention m = found[0];
            Assert.True(m.Mention.Text == span, $"{text}: read {m.Mention.Text}, not {span}");
            Assert.True(m.Verdict == expected, $"{text} [{span}]: {m.Verdict} {m.FactId} {m.Note}");
            Assert.True(factHas is null || (factHas.Length == 0 ? m.FactId is null : (m.FactId ?? string.Empty).Contains(factHas, StringComparison.Ordinal)), $"{text} [{span}]: fact {m.FactId} is not {factHas}");
            Assert.True(noteHas is null || (m.Note ?? string.Empty).Contains(noteHas, StringComparison.Ordinal), $"{text} [{span}]: note {m.Note} lacks {noteHas}");
        }
    }

    /// <summary>
    /// Defect 1: a compound unit is read whole, verified against the row of that unit, contradicted by that row, and never verified by a
    /// fund line's money (县级资金120万元/公里 is no 120万元) or by a count of another unit.
    /// </summary>
    [Theory]
    [InlineData("p37-cq-nonglu", "每公里建设成本108万元/公里。", "108万元/公里", Verdict.Verified, "indicators[1].actual")]
    [InlineData("p37-cq-nonglu", "每公里建设成本控制在110万元/公里以内。", "110万元/公里", Verdict.Verified, "indicators[1].target")]
    [InlineData("p37-cq-nonglu", "每公里建设成本为120万元/公里。", "120万元/公里", Verdict.Contradicted, "indicators[1]")]
    [InlineData("p37-cq-nonglu", "县级资金120万元/公里。", "120万元/公里", Verdict.Unverified, "")]
    [InlineData("p37-cq-nonglu", "养护巡查6次/月。", "6次/月", Verdict.Verified, "indicators[3].actual")]
    [InlineData("p37-cq-nonglu", "受益群众人数11400人次/年。", "11400人次/年", Verdict.Unverified, "")]
    [InlineData("p37-hb-gengdi", "亩均补贴标准125元/亩。", "125元/亩", Verdict.Verified, "indicators[1].actual")]
    [InlineData("p37-hb-gengdi", "亩均补贴标准为285元/亩。", "285元/亩", Verdict.Contradicted, "indicators[1]")]
    [InlineData("p37-hb-gengdi", "户均增收285元/户。", "285元/户", Verdict.Verified, "indicators[5].actual")]
    [InlineData("p37-hb-gengdi", "政策宣传培训10场次/年。", "10场次/年", Verdict.Verified, "indicators[3].actual")]
    [InlineData("p36u-hlj-nongji", "单台平均补贴标准8188元/台。", "8188元/台", Verdict.Verified, "indicators[4].actual")]
    public void ACompoundUnit_IsReadWhole_AndCheckedOnlyAgainstItsOwnUnit(string table, string text, string span, Verdict expected, string fact) =>
        Expect(table, text, span, expected, fact);

    /// <summary>A compound unit no fact of the table has is left unverified, the note saying why (never matched with money or %).</summary>
    [Theory]
    [InlineData("p37-cq-nonglu", "受益群众人数11400人次/年。", "11400人次/年")]
    [InlineData("p37-hb-gengdi", "亩均补贴标准为97元/人·年。", "97元/人·年")]
    [InlineData("p36u-hlj-nongji", "农机购置补贴资金3198000元/台。", "3198000元/台")]
    public void ACompoundUnitTheTableLacks_IsUnverified_WithItsReason(string table, string text, string span) =>
        Expect(table, text, span, Verdict.Unverified, string.Empty, "只与表中同单位的数字比较");

    /// <summary>Defect 1: ‱, 万分之N and 千分之N are rates in their own unit, not bare numbers that any 2 or 6 of the table verifies.</summary>
    [Theory]
    [InlineData("p37-cq-nonglu", "道路安全事故发生率为2‱。", "2‱", Verdict.Verified, "indicators[4].actual")]
    [InlineData("p37-cq-nonglu", "道路安全事故发生率为6‱。", "6‱", Verdict.Contradicted, "indicators[4]")]
    [InlineData("p37-cq-nonglu", "道路安全事故发生率控制在万分之二。", "万分之二", Verdict.Verified, "indicators[4].actual")]
    [InlineData("p37-cq-nonglu", "道路安全事故发生率控制在万分之3以内。", "万分之3", Verdict.Verified, "indicators[4].target")]
    [InlineData("p37-hb-gengdi", "耕地撂荒率为千分之六。", "千分之六", Verdict.Verified, "indicators[4].actual")]
    [InlineData("p37-hb-gengdi", "耕地撂荒率为千分之八。", "千分之八", Verdict.Contradicted, "indicators[4]")]
    [InlineData("p37-hb-gengdi", "耕地撂荒率为6‱。", "6‱", Verdict.Unverified, "")]
    public void ARatePerThousandOrTenThousand_IsReadWithItsUnit(string table, string text, string span, Verdict expected, string fact) =>
        Expect(table, text, span, expected, fact);

    /// <summary>Defect 3: a rate written without its % after 执行率 is that line's rate, and a part named by its level is that part.</summary>
    [Theory]
    [InlineData("p37-cq-nonglu", "县级资金执行率为0。", "0", Verdict.Verified, "funds.lines[3].rate")]
    [InlineData("p37-cq-nonglu", "县级资金执行率为0，市级资金执行率为75。", "75", Verdict.Verified, "funds.lines[2].rate")]
    [InlineData("p37-cq-nonglu", "市级资金执行率达到90。", "90", Verdict.Contradicted, "funds.lines[2].rate")]
    [InlineData("p37-cq-nonglu", "中央资金执行率为100。", "100", Verdict.Verified, "funds.lines[1].rate")]
    [InlineData("p37-cq-nonglu", "县级资金执行率为100。", "100", Verdict.Contradicted, "funds.lines[3].rate")]
    [InlineData("p37-hb-gengdi", "自筹资金执行率为0。", "0", Verdict.Verified, "funds.lines[3].rate")]
    [InlineData("p37-hb-gengdi", "本级资金执行率为57%。", "57%", Verdict.Verified, "funds.lines[2].rate")]
    [InlineData("p37-hb-gengdi", "本级资金执行率为90%。", "90%", Verdict.Contradicted, "funds.lines[2].rate")]
    [InlineData("p37-hb-gengdi", "市本级资金执行率为57，单位自筹资金执行率为0。", "0", Verdict.Verified, "funds.lines[3].rate")]
    [InlineData("p36-sc-jiuye", "县级资金执行率为50。", "50", Verdict.Verified, "funds.lines[3].rate")]
    public void ARateWithoutItsSign_OrALineNamedByItsLevel_IsThatLinesRate(string table, string text, string span, Verdict expected, string fact) =>
        Expect(table, text, span, expected, fact);

    /// <summary>Defect 4: a count whose subject is the sentence before it is the count of those indicators' status.</summary>
    [Theory]
    [InlineData("p36-fj-huanwei", "本项目共设置7个绩效指标。3个未完成。", "3个", Verdict.Verified, "count.short")]
    [InlineData("p36-fj-huanwei", "本项目共设置7个绩效指标。2个未完成。", "2个", Verdict.Contradicted, "count.short")]
    [InlineData("p36-sc-jiuye", "共设置5个指标。其中2个未完成。", "2个", Verdict.Verified, "count.short")]
    [InlineData("p36-sc-jiuye", "共设置5个指标。有1个未完成。", "1个", Verdict.Contradicted, "count.short")]
    [InlineData("p36-xj-jisu", "绩效指标共8项。其中2项未达到年度目标值。", "2项", Verdict.Verified, "count.short")]
    [InlineData("p36-xj-jisu", "绩效指标共8项。有3项未达到年度目标值。", "3项", Verdict.Contradicted, "count.short")]
    [InlineData("p36-xj-jisu", "设置了8个三级指标。6个已完成。", "6个", Verdict.Verified, "count.met")]
    public void ACountCarriedFromTheSentenceBefore_IsJudged(string table, string text, string span, Verdict expected, string fact) =>
        Expect(table, text, span, expected, fact);

    /// <summary>The status word after such a count is the count's to judge: no second, unverified claim beside it.</summary>
    [Theory]
    [InlineData("p36-fj-huanwei", "本项目共设置7个绩效指标。3个未完成。")]
    [InlineData("p36-sc-jiuye", "共设置5个指标。有1个未完成。")]
    [InlineData("p36-xj-jisu", "绩效指标共8项。有3项未达到年度目标值。")]
    [InlineData("p36-xj-jisu", "设置了8个三级指标。6个已完成。")]
    public void TheStatusAfterACarriedCount_IsNoUnverifiedClaim(string table, string text) =>
        Assert.All(Both(table, text), r => Assert.DoesNotContain(r.Claims, c => c.Verdict == Verdict.Unverified));
}
