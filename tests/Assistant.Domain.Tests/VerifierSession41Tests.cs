using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;
using Assistant.Domain.Verification;
using Assistant.Features.Evaluations;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 41 (probe 40 §3, §10, §11 and probe 38 #14, each a class written in other wordings and tables: 河北峰峰 就业, 湖北蕲春 医疗救助
/// (元), 广东乳源 老旧小区, 重庆武隆 林业, 甘肃安定 残疾人, 宁夏利通 公共文化, and the session-40 tables): counts whose clause names its row
/// the way staff write (辅助器具适配, 培训残疾人, 免费开放博物馆、纪念馆) or carries it from the clause before (较目标少…, 剩余…); the notes of
/// contradicted numbers naming the fact meant (a unit slip first, the 完成值 after 完成, the 执行率 of the line the sentence was
/// speaking of, a gap of two rates as that gap); figures of several years out of scope. The outside tester's sentences among the wrong
/// cases passed as out of scope or cited another fact on main 866e42e (probe 40); the others are the same classes in other wordings and
/// tables. The right and no-row cases hold that the new rules raise no false alarm.
/// </summary>
public class VerifierSession41Tests
{
    private static readonly string[] Tables =
    [
        "p41-t1-hebei-fengfeng-jiuye", "p41-t2-hubei-qichun-yiliaojiuzhu", "p40-t3-guangdong-ruyuan-laojiuxiaoqu", "p41-t4-chongqing-wulong-linye",
        "p41-t5-gansu-anding-canjiren", "p41-t6-ningxia-litong-wenhua-transfer", "p40-sichuan-yilong-weifang", "p40-hunan-xinshao-anfang",
        "p40-guangxi-duan-yigong", "p38-t3-shandong-yinan-gaobiaozhunnongtian",
    ];

    private static readonly Dictionary<string, FactSheet> Sheets = Tables.ToDictionary(n => n, n => FactSheet.Build(Load(n)));

    internal static Evaluation Load(string name) => EvaluationJson.Parse(File.ReadAllText(
        Path.Combine(RepoPaths.Repo, "eval", "cases", "verifier", "tables", name + ".json")));

    /// <summary>The one number read at <paramref name="span"/> (its first place in the text) has one of the verdicts <paramref name="expected"/>, a note holding <paramref name="noteHas"/> and a fact id starting with <paramref name="factIs"/>.</summary>
    private static CheckedMention Expect(string table, string text, string span, Verdict[] expected, string? noteHas = null, string? factIs = null)
    {
        int at = text.IndexOf(span, StringComparison.Ordinal);
        Assert.True(at >= 0, span);
        VerificationReport report = Verifier.Verify(Sheets[table], text);
        Assert.Equal(VerifierCorpus.Render(ReferenceVerifier.Verifier.Verify(Sheets[table], text)), VerifierCorpus.Render(report));
        var found = report.Mentions.Where(m => m.Mention.Start < at + span.Length && m.Mention.Start + m.Mention.Length > at).ToList();
        Assert.True(found.Count == 1, $"{text}: {found.Count} numbers read at {span}");
        CheckedMention m = found[0];
        Assert.True(expected.Contains(m.Verdict), $"{text} [{span}]: {m.Verdict} {m.FactId} {m.Note}");
        Assert.True(noteHas is null || (m.Note ?? string.Empty).Contains(noteHas, StringComparison.Ordinal), $"{text} [{span}]: note {m.Note} lacks {noteHas}");
        Assert.True(factIs is null || (m.FactId ?? string.Empty).StartsWith(factIs, StringComparison.Ordinal), $"{text} [{span}]: fact {m.FactId}, not {factIs}");
        return m;
    }

    /// <summary>Item 1: a wrong count whose clause names its row by a paraphrase, or carries it from the clause that bound a number, is contradicted citing the row's figure.</summary>
    [Theory]
    [InlineData("p41-t5-gansu-anding-canjiren", "辅助器具适配435人，较目标少156人。", "156人", "165", "indicators[1]")]
    [InlineData("p41-t5-gansu-anding-canjiren", "为残疾人适配辅助器具453人。", "453人", "435", "indicators[1]")]
    [InlineData("p41-t5-gansu-anding-canjiren", "培训残疾人321人。", "321人", "312", "indicators[3]")]
    [InlineData("p41-t5-gansu-anding-canjiren", "全年救助残疾儿童康复286人。", "286人", "268", "indicators[2]")]
    [InlineData("p40-t3-guangdong-ruyuan-laojiuxiaoqu", "惠及居民2214户，较目标少368户。", "368户", "386", "indicators[1]")]
    [InlineData("p40-t3-guangdong-ruyuan-laojiuxiaoqu", "计划改造的12个小区中已完成10个，剩余3个暂缓施工。", "3个", null, "indicators[0]")]
    [InlineData("p41-t6-ningxia-litong-wenhua-transfer", "全年免费开放博物馆、纪念馆4个。", "4个", "3个", "indicators[0]")]
    [InlineData("p41-t6-ningxia-litong-wenhua-transfer", "下乡送戏演出96场，比目标少42场。", "42场", "24", "indicators[1]")]
    [InlineData("p40-sichuan-yilong-weifang", "改造农村危房1136户，比目标少46户。", "46户", "64", "indicators[0]")]
    [InlineData("p40-hunan-xinshao-anfang", "改造危桥15座，较目标少2座。", "2座", "3", "indicators[0]")]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "培训职业技能2460人次，比目标少450人次。", "450人次", "540", "indicators[1]")]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "困难人员实现就业1150人，超出目标305人。", "305人", "350", "indicators[2]")]
    [InlineData("p40-guangxi-duan-yigong", "培训脱贫劳动力468人次，较目标少23人次。", "23人次", "32", "indicators[2]")]
    public void APlainlyNamedRow_WrongCount_IsContradicted(string table, string text, string span, string? noteHas, string factIs) =>
        Expect(table, text, span, [Verdict.Contradicted], noteHas, factIs);

    /// <summary>Item 1: the same sentences with the right figures verify against the row (no false alarm).</summary>
    [Theory]
    [InlineData("p41-t5-gansu-anding-canjiren", "辅助器具适配435人，较目标少165人。", "165人")]
    [InlineData("p41-t5-gansu-anding-canjiren", "辅助器具适配435人，较目标少165人。", "435人")]
    [InlineData("p41-t5-gansu-anding-canjiren", "为残疾人适配辅助器具435人。", "435人")]
    [InlineData("p41-t5-gansu-anding-canjiren", "培训残疾人312人。", "312人")]
    [InlineData("p41-t5-gansu-anding-canjiren", "全年救助残疾儿童康复268人。", "268人")]
    [InlineData("p40-t3-guangdong-ruyuan-laojiuxiaoqu", "惠及居民2214户，较目标少386户。", "386户")]
    [InlineData("p40-t3-guangdong-ruyuan-laojiuxiaoqu", "计划改造的12个小区中已完成10个，剩余2个暂缓施工。", "2个")]
    [InlineData("p41-t6-ningxia-litong-wenhua-transfer", "全年免费开放博物馆、纪念馆3个。", "3个")]
    [InlineData("p41-t6-ningxia-litong-wenhua-transfer", "下乡送戏演出96场，比目标少24场。", "24场")]
    [InlineData("p41-t6-ningxia-litong-wenhua-transfer", "下乡送戏演出96场，比目标少24场。", "96场")]
    [InlineData("p40-sichuan-yilong-weifang", "改造农村危房1136户，比目标少64户。", "64户")]
    [InlineData("p40-hunan-xinshao-anfang", "改造危桥15座，较目标少3座。", "3座")]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "培训职业技能2460人次，比目标少540人次。", "540人次")]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "困难人员实现就业1150人，超出目标350人。", "350人")]
    [InlineData("p40-guangxi-duan-yigong", "培训脱贫劳动力468人次，较目标少32人次。", "32人次")]
    public void APlainlyNamedRow_RightCount_Verifies(string table, string text, string span) =>
        Expect(table, text, span, [Verdict.Verified, Verdict.Derived]);

    /// <summary>Item 1: a count of something no row measures stays uncontradicted (a subject of its own, a remainder after it).</summary>
    [Theory]
    [InlineData("p41-t5-gansu-anding-canjiren", "新建残疾人之家3个，较计划少1个。", "1个")]
    [InlineData("p41-t6-ningxia-litong-wenhua-transfer", "组织志愿者服务120人次，较目标多20人次。", "20人次")]
    [InlineData("p40-t3-guangdong-ruyuan-laojiuxiaoqu", "新增停车位320个，剩余40个。", "40个")]
    public void ACountOfNoRow_IsNotContradicted(string table, string text, string span) =>
        Expect(table, text, span, [Verdict.OutOfScope, Verdict.Unverified]);

    /// <summary>Item 2: a contradicted number's note names the fact the writer meant (unit slip, 完成值 after 完成, the line the sentence spoke of).</summary>
    [Theory]
    [InlineData("p41-t2-hubei-qichun-yiliaojiuzhu", "县级资金执行124.39元，执行率49.76%。", "124.39元", "县级资金", "funds.lines[3].executed")]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "区级资金执行152.60元。", "152.60元", "区级资金", "funds.lines[3].executed")]
    [InlineData("p41-t4-chongqing-wulong-linye", "全年预算2380万元，其中中央资金1650万元、市级资金480万元、区级资金250万元；全年执行2015.84万元，执行率84.07%。", "84.07%", "84.70%", "funds.lines[0].rate")]
    [InlineData("p40-sichuan-yilong-weifang", "全年预算2860万元，其中中央资金1800万元、省级资金640万元、县级资金420万元；全年执行2517.36万元，执行率87.5%。", "87.5%", "88.02%", "funds.lines[0].rate")]
    [InlineData("p41-t4-chongqing-wulong-linye", "全年完成营造林面积1.35亩。", "1.35亩", "1.35万亩", "indicators[0].actual")]
    [InlineData("p41-t6-ningxia-litong-wenhua-transfer", "公共图书馆年流通39.6人次。", "39.6人次", "39.6万人次", "indicators[2].actual")]
    [InlineData("p40-t3-guangdong-ruyuan-laojiuxiaoqu", "全年完成改造老旧小区11个。", "11个", "10个", "indicators[0].actual")]
    [InlineData("p40-sichuan-yilong-weifang", "全年完成改造农村危房1190户。", "1190户", "1136户", "indicators[0].actual")]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "全年完成职业技能培训2900人次。", "2900人次", "2460人次", "indicators[1].actual")]
    [InlineData("p41-t4-chongqing-wulong-linye", "区级资金执行率较中央资金低31.76个百分点。", "31.76个百分点", "31.66", "funds.lines[3].rate")]
    public void AContradictedNumber_NamesTheFactMeant(string table, string text, string span, string noteHas, string factIs) =>
        Expect(table, text, span, [Verdict.Contradicted], noteHas, factIs);

    /// <summary>Item 2: a right gap of two lines' 执行率 is that gap, not another fact equal to it by rounding.</summary>
    [Theory]
    [InlineData("p41-t4-chongqing-wulong-linye", "区级资金执行率较中央资金低31.66个百分点。", "31.66个百分点", "funds.lines[1].rate - funds.lines[3].rate")]
    [InlineData("p40-sichuan-yilong-weifang", "县级资金执行率比中央资金低51.14个百分点。", "51.14个百分点", "funds.lines[1].rate - funds.lines[3].rate")]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "中央资金执行率比区级资金高29.96个百分点。", "29.96个百分点", "funds.lines[1].rate - funds.lines[3].rate")]
    public void ARightGapOfTwoRates_IsDerivedFromThem(string table, string text, string span, string factId) =>
        Assert.Equal(factId, Expect(table, text, span, [Verdict.Derived]).FactId);

    /// <summary>Item 3: figures of several years (a three-year task, what was done by the end of a year) are out of scope, not unverified.</summary>
    [Theory]
    [InlineData("p38-t3-shandong-yinan-gaobiaozhunnongtian", "2023—2025年累计建设任务6万亩，截至2024年底累计完成4.71万亩。", "6万亩")]
    [InlineData("p38-t3-shandong-yinan-gaobiaozhunnongtian", "2023—2025年累计建设任务6万亩，截至2024年底累计完成4.71万亩。", "4.71万亩")]
    [InlineData("p41-t4-chongqing-wulong-linye", "2021-2025年累计完成营造林7.6万亩。", "7.6万亩")]
    [InlineData("p41-t5-gansu-anding-canjiren", "“十四五”期间三年累计培训残疾人1045人。", "1045人")]
    public void AFigureOfSeveralYears_IsOutOfScope(string table, string text, string span) =>
        Expect(table, text, span, [Verdict.OutOfScope]);

    /// <summary>Item 5: the random text the equivalence property found (product and reference now agree: a wrong sum of two named lines is contradicted).</summary>
    [Theory]
    [InlineData("中央财政资金、其他资金合计3649万元", "270101")]
    [InlineData("中央财政资金和其他资金合计执行3649万元。", "270101")]
    [InlineData("中央财政资金、地方资金合计预算3649万元。", "337863")]
    public void AWrongSumOfNamedLines_IsContradicted_ByBothVerifiers(string text, string sum)
    {
        FactSheet sheet = VerifierCorpus.Reference("guangxi-2024-employment-transfer");
        VerificationReport report = Verifier.Verify(sheet, text);
        Assert.Equal(VerifierCorpus.Render(ReferenceVerifier.Verifier.Verify(sheet, text)), VerifierCorpus.Render(report));
        CheckedMention m = Assert.Single(report.Mentions, m => m.Mention.Text.Contains("3649", StringComparison.Ordinal));
        Assert.Equal(Verdict.Contradicted, m.Verdict);
        Assert.Contains(sum, m.Note, StringComparison.Ordinal);
    }

    /// <summary>Item 4: a 完成值 labelled with a change of the row's own measure raises no actual-label finding; another measure does.</summary>
    [Theory]
    [InlineData("森林覆盖率", "提升", false)]
    [InlineData("数字文化服务平台访问量", "较上年提升", false)]
    [InlineData("农村居民人均可支配收入", "同比增长", false)]
    [InlineData("城镇登记失业率", "比上年下降", false)]
    [InlineData("受益人数", "累计", false)]
    [InlineData("受益人数", "受益人数", false)]
    [InlineData("年末高校毕业生总体就业率", "帮扶就业率", true)]
    [InlineData("森林覆盖率", "草原综合植被盖度", true)]
    [InlineData("数字文化服务平台访问量", "注册用户数", true)]
    public void AnActualLabel_IsAFinding_OnlyWhenItNamesAnotherMeasure(string name, string label, bool finding) =>
        Assert.Equal(finding, ActualLabels.NamesAnotherMeasure(name, label));

    /// <summary>Item 4: the probe's tables (森林覆盖率 提升0.3个百分点, 访问量 较上年提升12%) score without the spurious finding.</summary>
    [Theory]
    [InlineData("p41-t4-chongqing-wulong-linye")]
    [InlineData("p41-t6-ningxia-litong-wenhua-transfer")]
    public void AChangeOfTheRowsOwnMeasure_RaisesNoActualLabelFinding(string table) =>
        Assert.DoesNotContain(Calculator.Score(Load(table)).Findings, f => f.Code == FindingCodes.IndicatorActualLabel);
}
