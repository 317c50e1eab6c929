using Assistant.Domain.Facts;
using Assistant.Domain.Verification;
using Assistant.Features.Evaluations;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 36: the verifier defects session 35's outside testers found (files #4, #5, #9, #10; chat #5), each as a class over
/// several tables (云南 衔接资金, 福建 环卫, 黑龙江 农机, 贵州 医疗救助, 新疆 寄宿生, 四川 就业, 宁夏 就业见习, 四川 公卫): a fund line named by
/// what sets it apart from its sibling parts (州市级资金 for 州市级衔接资金); several 扣分 in one sentence, each the row named right
/// before it; ratios in 倍; counts of a counted part (7个指标中有3个未完成); claims naming part of a row; clean notes; and the
/// rule that a fund line's 执行率 is its amounts' quotient rounded half-up (19.49 % for 19.495 % is wrong) unless the table prints it.
/// Every case runs on the verifier and on the reference restatement alike.
/// </summary>
public class VerifierSession36Tests
{
    private static FactSheet Table(string name) => FactSheet.Build(EvaluationJson.Parse(File.ReadAllText(
        Path.Combine(RepoPaths.Repo, "eval", "cases", "verifier", "tables", name + ".json"))));

    private static readonly Dictionary<string, FactSheet> Sheets = new[]
    {
        "p36-yn-xiangcun", "p36-fj-huanwei", "p36-hlj-nongji", "p36-gz-yiliao", "p36-xj-jisu", "p36-sc-jiuye", "p36-nx-jianxi", "p36-nx-jianxi-printed", "p35-J-gongwei",
    }.ToDictionary(n => n, Table);

    private static IEnumerable<VerificationReport> Both(string table, string text) =>
        [Verifier.Verify(Sheets[table], text), ReferenceVerifier.Verifier.Verify(Sheets[table], text)];

    /// <summary>
    /// The verdicts of the numbers and claims covering <paramref name="span"/> (its last occurrence when <paramref name="last"/>),
    /// from both verifiers, are all <paramref name="expected"/>, cite <paramref name="factHas"/> and have notes holding
    /// <paramref name="noteHas"/> and lacking <paramref name="noteLacks"/>.
    /// </summary>
    private static void Expect(string table, string text, string span, Verdict expected, string? factHas = null, string? noteHas = null, string? noteLacks = null, bool last = false)
    {
        int at = last ? text.LastIndexOf(span, StringComparison.Ordinal) : text.IndexOf(span, StringComparison.Ordinal);
        Assert.True(at >= 0, span);
        foreach (VerificationReport report in Both(table, text))
        {
            var found = report.Mentions.Where(m => m.Mention.Start < at + span.Length && m.Mention.Start + m.Mention.Length > at)
                .Select(m => (m.Verdict, m.Note, m.FactId))
                .Concat(report.Claims.Where(c => c.Start < at + span.Length && c.Start + c.Length > at).Select(c => (c.Verdict, c.Note, c.FactId))).ToList();
            Assert.True(found.Count > 0, $"{text}: nothing read at {span}");
            Assert.All(found, f => Assert.True(f.Verdict == expected, $"{text} [{span}]: {f.Verdict} {f.FactId} {f.Note}"));
            Assert.All(found, f => Assert.True(factHas is null || (f.FactId ?? string.Empty).Contains(factHas, StringComparison.Ordinal), $"{text} [{span}]: fact {f.FactId} is not {factHas}"));
            Assert.All(found, f => Assert.True(noteHas is null || (f.Note ?? string.Empty).Contains(noteHas, StringComparison.Ordinal), $"{text} [{span}]: note {f.Note} lacks {noteHas}"));
            Assert.All(found, f => Assert.True(noteLacks is null || !(f.Note ?? string.Empty).Contains(noteLacks, StringComparison.Ordinal), $"{text} [{span}]: note {f.Note} holds {noteLacks}"));
        }
    }

    /// <summary>Files probe 35 #4: a fund part named without the word all its siblings share is that part, not the total.</summary>
    [Theory]
    [InlineData("p36-yn-xiangcun", "州市级资金执行率73.2%。", "73.2%", Verdict.Verified, "funds.lines[3].rate")]
    [InlineData("p36-yn-xiangcun", "州市级资金执行率73.25%。", "73.25%", Verdict.Verified, "funds.lines[3].rate")]
    [InlineData("p36-yn-xiangcun", "州市级资金执行率92.67%。", "92.67%", Verdict.Contradicted, "funds.lines[3].rate")]
    [InlineData("p36-yn-xiangcun", "县级资金0元。", "0元", Verdict.Verified, "funds.lines[4].executed")]
    [InlineData("p36-yn-xiangcun", "省级资金执行率91.69%，县级资金执行率0%。", "0%", Verdict.Verified, "funds.lines[4].rate")]
    [InlineData("p36-sc-jiuye", "县级资金执行率50%。", "50%", Verdict.Verified, "funds.lines[3].rate")]
    [InlineData("p36-sc-jiuye", "县级资金执行率75.08%。", "75.08%", Verdict.Contradicted, "funds.lines[3].rate")]
    [InlineData("p36-sc-jiuye", "省级资金执行率70.3%。", "70.3%", Verdict.Verified, "funds.lines[2].rate")]
    [InlineData("p36-nx-jianxi", "自治区资金执行率11.24%。", "11.24%", Verdict.Verified, "funds.lines[2].rate")]
    [InlineData("p36-nx-jianxi", "中央资金执行率25%。", "25%", Verdict.Verified, "funds.lines[1].rate")]
    public void AShortenedFundLineName_NamesThatLine(string table, string text, string span, Verdict expected, string fact) =>
        Expect(table, text, span, expected, fact);

    /// <summary>Files probe 35 #5: several 扣分 in one sentence, each the row (or fund line) named right before it.</summary>
    [Theory]
    [InlineData("p36-fj-huanwei", "三、自评得分：资金执行扣1.25分，日处理量扣1.60分，自评总分96.15分。", "1.60分", Verdict.Verified, "indicators[0]")]
    [InlineData("p36-fj-huanwei", "资金执行扣1.25分，日处理量扣2.60分。", "2.60分", Verdict.Contradicted, "indicators[0]")]
    [InlineData("p36-fj-huanwei", "资金执行扣1.25分，日处理量扣1.60分。", "1.25分", Verdict.Verified, "funds.lines[0]")]
    [InlineData("p36-hlj-nongji", "资金执行扣0.70分，机具数量扣1.60分。", "1.60分", Verdict.Verified, "indicators[0]")]
    [InlineData("p36-hlj-nongji", "资金执行扣0.70分，机具数量扣0.70分。", "0.70分", Verdict.Contradicted, "indicators[0]", true)]
    [InlineData("p36-gz-yiliao", "资金执行扣0.20分，参保人次扣1.05分。", "1.05分", Verdict.Verified, "indicators[0]")]
    [InlineData("p36-gz-yiliao", "资金执行扣0.20分，参保人次扣0.20分。", "0.20分", Verdict.Contradicted, "indicators[0]", true)]
    [InlineData("p36-sc-jiuye", "资金执行扣2.49分，新增就业人数扣1.60分，公益性岗位扣2分。", "1.60分", Verdict.Verified, "indicators[0]")]
    [InlineData("p36-sc-jiuye", "资金执行扣2.49分，新增就业人数扣1.60分，公益性岗位扣2分。", "2分", Verdict.Verified, "indicators[2]", true)]
    [InlineData("p35-J-gongwei", "老年人健康管理扣1.20分，满意度扣0.44分。", "0.44分", Verdict.Verified, "indicators[7]")]
    public void SeveralDeductionsInOneSentence_EachIsTheRowNamedBeforeIt(string table, string text, string span, Verdict expected, string fact, bool last = false) =>
        Expect(table, text, span, expected, fact, last: last);

    /// <summary>Files probe 35 #9: a ratio in 倍 of two fund figures, or of a row's 完成值 and 指标值, is derived or contradicted.</summary>
    [Theory]
    [InlineData("p36-yn-xiangcun", "中央衔接资金是州市级预算的9.04倍。", "9.04倍", Verdict.Derived, "funds.lines[1].budget / funds.lines[3].budget")]
    [InlineData("p36-yn-xiangcun", "中央衔接资金是州市级预算的9.4倍。", "9.4倍", Verdict.Contradicted, "funds.lines[1].budget / funds.lines[3].budget")]
    [InlineData("p36-yn-xiangcun", "县级资金是州市级资金预算的0.48倍。", "0.48倍", Verdict.Derived, "funds.lines[4].budget / funds.lines[3].budget")]
    [InlineData("p36-fj-huanwei", "执行数为预算数的0.875倍。", "0.875倍", Verdict.Derived, "funds.lines[0].executed / funds.lines[0].budget")]
    [InlineData("p36-fj-huanwei", "省级资金执行数是中央资金的1.15倍。", "1.15倍", Verdict.Derived, "funds.lines[2].executed / funds.lines[1].executed")]
    [InlineData("p36-fj-huanwei", "省级资金执行数是中央资金的1150倍。", "1150倍", Verdict.Contradicted, "funds.lines[2].executed / funds.lines[1].executed")]
    [InlineData("p36-hlj-nongji", "中央资金预算是省级资金的12.5倍。", "12.5倍", Verdict.Derived, "funds.lines[1].budget / funds.lines[2].budget")]
    [InlineData("p36-gz-yiliao", "中央资金是市县资金预算的4.57倍。", "4.57倍", Verdict.Derived, "funds.lines[1].budget / funds.lines[3].budget")]
    [InlineData("p36-gz-yiliao", "门诊住院救助人次实际完成值是指标值的1.375倍。", "1.375倍", Verdict.Derived, "indicators[1].actual / indicators[1].target")]
    [InlineData("p36-gz-yiliao", "门诊住院救助人次实际完成值是指标值的1.5倍。", "1.5倍", Verdict.Contradicted, "indicators[1].actual / indicators[1].target")]
    public void ARatioInTimes_IsDerivedOrContradicted(string table, string text, string span, Verdict expected, string fact) =>
        Expect(table, text, span, expected, fact);

    [Fact]
    public void AWrongRatio_NamesTheRightOne() =>
        Expect("p36-yn-xiangcun", "中央衔接资金是州市级预算的9.4倍。", "9.4倍", Verdict.Contradicted, noteHas: "= 9.04倍");

    /// <summary>Files probe 35 #9: the count of a counted part (N个指标中有M个未完成) is the count of the rows short of target.</summary>
    [Theory]
    [InlineData("p36-fj-huanwei", "7个指标中有3个未完成。", "3个", Verdict.Verified)]
    [InlineData("p36-fj-huanwei", "7个指标中有2个未完成。", "2个", Verdict.Contradicted)]
    [InlineData("p36-fj-huanwei", "全部指标中2项未达标。", "2项", Verdict.Contradicted)]
    [InlineData("p36-xj-jisu", "8个指标中有2个未完成。", "2个", Verdict.Verified)]
    [InlineData("p36-sc-jiuye", "5个指标中有2个未完成。", "2个", Verdict.Verified)]
    [InlineData("p36-sc-jiuye", "5个指标中有1个未完成。", "1个", Verdict.Contradicted)]
    [InlineData("p35-J-gongwei", "8个指标中有5个未完成。", "5个", Verdict.Verified)]
    public void ACountOfACountedPart_IsJudged(string table, string text, string span, Verdict expected) =>
        Expect(table, text, span, expected, "count.short");

    /// <summary>The status word after such a count is the count's to judge: no second, unverified claim.</summary>
    [Theory]
    [InlineData("p36-fj-huanwei", "7个指标中有3个未完成。")]
    [InlineData("p36-sc-jiuye", "5个指标中有2个未完成。")]
    [InlineData("p36-xj-jisu", "8个指标中有2个未完成。")]
    public void TheStatusAfterACount_IsNoUnverifiedClaim(string table, string text) =>
        Assert.All(Both(table, text), r => Assert.DoesNotContain(r.Claims, c => c.Verdict == Verdict.Unverified));

    /// <summary>Files probe 35 #9: a claim naming a part of one row's name (held by no other row) is judged against that row.</summary>
    [Theory]
    [InlineData("p36-xj-jisu", "辍学率超出控制标准，原因是部分学生随父母外出务工。", "超出控制标准", Verdict.Verified, "indicators[5]")]
    [InlineData("p36-xj-jisu", "辍学率低于控制标准。", "低于控制标准", Verdict.Contradicted, "indicators[5]")]
    [InlineData("p36-fj-huanwei", "吨垃圾成本超出上限。", "超出上限", Verdict.Verified, "indicators[2]")]
    [InlineData("p36-gz-yiliao", "返贫发生率超出上限。", "超出上限", Verdict.Verified, "indicators[4]")]
    [InlineData("p35-J-gongwei", "服务经费超出上限。", "超出上限", Verdict.Verified, "indicators[3]")]
    public void AClaimNamingPartOfARow_IsJudgedAgainstIt(string table, string text, string span, Verdict expected, string fact) =>
        Expect(table, text, span, expected, fact);

    /// <summary>Files probe 35 #9, #10: notes are clean Chinese — no place read across words (金是州), the unit as written (万元).</summary>
    [Theory]
    [InlineData("p36-yn-xiangcun", "中央衔接资金是州市级预算的9.04倍。", "9.04倍", "州")]
    [InlineData("p36-yn-xiangcun", "县级资金是州市级资金预算的0.48倍。", "0.48倍", "州")]
    public void APlaceIsNotReadAcrossWords(string table, string text, string span, string noteLacks) =>
        Assert.All(Both(table, text), r => Assert.All(r.Mentions.Where(m => m.Mention.Text.Contains(span, StringComparison.Ordinal)),
            m => Assert.True(m.Verdict != Verdict.OutOfScope && !(m.Note ?? string.Empty).Contains(noteLacks, StringComparison.Ordinal), $"{m.Verdict} {m.Note}")));

    [Theory]
    [InlineData("p36-xj-jisu", "生均补助标准0.125万元。", "0.125万元")]
    [InlineData("p36-fj-huanwei", "吨垃圾清运处理成本0.0165万元。", "0.0165万元")]
    public void AUnitNote_SaysTheUnitAsWritten(string table, string text, string span) =>
        Expect(table, text, span, Verdict.Verified, noteHas: "文中写作万元");

    /// <summary>
    /// Chat probe 35 #5, DOMAIN §2: a fund line's 执行率 is its printed amounts' quotient rounded half-up. 38.99 ÷ 200 = 19.495 %
    /// prints 19.50 % (中卫's own table does), so 19.49 % is contradicted, though the amounts' rounding would allow it; 19.5 % and
    /// 19.50 % are verified. A rate the table itself prints (19.49 %) may be restated.
    /// </summary>
    [Theory]
    [InlineData("p36-nx-jianxi", "本年度预算执行率为19.49%。", "19.49%", Verdict.Contradicted)]
    [InlineData("p36-nx-jianxi", "本年度预算执行率为19.50%。", "19.50%", Verdict.Verified)]
    [InlineData("p36-nx-jianxi", "预算执行率19.5%。", "19.5%", Verdict.Verified)]
    [InlineData("p36-nx-jianxi", "自治区资金执行率11.23%。", "11.23%", Verdict.Contradicted)]
    [InlineData("p36-sc-jiuye", "预算执行率为75.08%。", "75.08%", Verdict.Verified)]
    [InlineData("p36-sc-jiuye", "预算执行率为75.07%。", "75.07%", Verdict.Contradicted)]
    [InlineData("p36-sc-jiuye", "执行率75.1%。", "75.1%", Verdict.Verified)]
    [InlineData("p36-nx-jianxi-printed", "本年度预算执行率为19.49%。", "19.49%", Verdict.Verified)]
    [InlineData("p36-nx-jianxi-printed", "本年度预算执行率为19.50%。", "19.50%", Verdict.Verified)]
    public void AFundRate_IsRoundedHalfUp(string table, string text, string span, Verdict expected) =>
        Expect(table, text, span, expected);
}
