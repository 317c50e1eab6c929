using Assistant.Domain.Cells;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;
using Assistant.Domain.Verification;
using Assistant.Features.Evaluations;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 40 (the misses left after session 39, each a class written in other wordings, provinces and fields: 四川仪陇 危房改造,
/// 湖南新邵 安防工程及危桥改造, 甘肃通渭 校舍维修改造, 广西都安 以工代赈, and the p38 tables): counts after a verb phrase with another
/// subject word; two-character subjects after a verb; 其中 lists whose total names no column; 结转 as this year's 结余; degree
/// words ranked the same way by the calculator and the verifier. Every case below failed on main a95b0fd except the "right"
/// and "no row" ones, which hold that the new rules make no false alarm.
/// </summary>
public class VerifierSession40Tests
{
    private static readonly string[] Tables =
    [
        "p38-t2-yunnan-luliang-gonggongweisheng", "p38-t3-shandong-yinan-gaobiaozhunnongtian", "p38-t4-anhui-luan-nongcungonglu-transfer",
        "p38-t5-shaanxi-yangxian-xianjie", "p38-henan-huaxian-yinshui", "p40-sichuan-yilong-weifang", "p40-hunan-xinshao-anfang",
        "p40-gansu-tongwei-xiaoshe", "p40-guangxi-duan-yigong",
    ];

    private static readonly Dictionary<string, FactSheet> Sheets = Tables.ToDictionary(n => n, n => FactSheet.Build(Load(n)));

    private static Evaluation Load(string name) => EvaluationJson.Parse(File.ReadAllText(
        Path.Combine(RepoPaths.Repo, "eval", "cases", "verifier", "tables", name + ".json")));

    private static VerificationReport Run(string table, string text) => Verifier.Verify(Sheets[table], text);

    /// <summary>The one number read at the last <paramref name="span"/> of the text has one of the verdicts <paramref name="expected"/> (and a note holding the given words).</summary>
    private static void Expect(string table, string text, string span, Verdict[] expected, string? noteHas = null)
    {
        int at = text.LastIndexOf(span, StringComparison.Ordinal);
        Assert.True(at >= 0, span);
        var found = Run(table, text).Mentions.Where(m => m.Mention.Start < at + span.Length && m.Mention.Start + m.Mention.Length > at).ToList();
        Assert.True(found.Count == 1, $"{text}: {found.Count} numbers read at {span}");
        CheckedMention m = found[0];
        Assert.True(expected.Contains(m.Verdict), $"{text} [{span}]: {m.Verdict} {m.FactId} {m.Note}");
        Assert.True(noteHas is null || (m.Note ?? string.Empty).Contains(noteHas, StringComparison.Ordinal), $"{text} [{span}]: note {m.Note} lacks {noteHas}");
    }

    /// <summary>The claims read over <paramref name="span"/> all have verdict <paramref name="expected"/> (and there is one at least).</summary>
    private static void ExpectClaim(string table, string text, string span, Verdict expected)
    {
        int at = text.IndexOf(span, StringComparison.Ordinal);
        Assert.True(at >= 0, span);
        var claims = Run(table, text).Claims.Where(c => c.Start < at + span.Length && c.Start + c.Length > at).ToList();
        string all = string.Join("; ", claims.Select(c => $"{c.Text}={c.Verdict} {c.Note}"));
        Assert.True(claims.Count > 0 && claims.All(c => c.Verdict == expected), $"{text}: {all}");
    }

    /// <summary>Item 1: a count after a verb phrase whose subject is written with another word order or more words (带动就业脱贫人口, 吸纳当地群众务工, 项目实施期间…): wrong → contradicted, citing the right figure.</summary>
    [Theory]
    [InlineData("p38-t5-shaanxi-yangxian-xianjie", "全年带动就业脱贫人口1262人。", "1262人", "1622")]
    [InlineData("p40-guangxi-duan-yigong", "全年吸纳当地群众务工826人。", "826人", null)]
    [InlineData("p40-guangxi-duan-yigong", "项目实施期间带动务工当地群众826人，发放劳务报酬516.4万元。", "826人", "862")]
    [InlineData("p40-guangxi-duan-yigong", "累计培训脱贫劳动力486人次。", "486人次", null)]
    [InlineData("p38-henan-huaxian-yinshui", "全年培训管护人员381人。", "381人", "318")]
    [InlineData("p40-sichuan-yilong-weifang", "全年完成改造农村危房1163户。", "1163户", "1136")]
    [InlineData("p40-sichuan-yilong-weifang", "全年实施农房抗震改造362户。", "362户", "326")]
    [InlineData("p40-gansu-tongwei-xiaoshe", "全年惠及受益学生15260人。", "15260人", null)]
    public void ACountAfterAVerbPhrase_Wrong_IsContradicted(string table, string text, string span, string? note) => Expect(table, text, span, [Verdict.Contradicted], note);

    /// <summary>Item 1: a count after a verb phrase whose subject is written with another word order or more words (带动就业脱贫人口, 吸纳当地群众务工, 项目实施期间…): the right figure verifies.</summary>
    [Theory]
    [InlineData("p38-t5-shaanxi-yangxian-xianjie", "全年带动就业脱贫人口1622人。", "1622人")]
    [InlineData("p40-guangxi-duan-yigong", "全年吸纳当地群众务工862人。", "862人")]
    [InlineData("p40-guangxi-duan-yigong", "项目实施期间带动务工当地群众862人，发放劳务报酬516.4万元。", "862人")]
    [InlineData("p40-guangxi-duan-yigong", "累计培训脱贫劳动力468人次。", "468人次")]
    [InlineData("p40-sichuan-yilong-weifang", "全年完成改造农村危房1136户。", "1136户")]
    [InlineData("p40-sichuan-yilong-weifang", "全年实施农房抗震改造326户。", "326户")]
    public void ACountAfterAVerbPhrase_Right_Verifies(string table, string text, string span) => Expect(table, text, span, [Verdict.Verified, Verdict.Derived]);

    /// <summary>Item 2: a count or a 完成率 after a verb and a two-character noun (改造危桥, 维修校舍, 改造危房); nouns no row holds name nothing: wrong → contradicted, citing the right figure.</summary>
    [Theory]
    [InlineData("p38-t4-anhui-luan-nongcungonglu-transfer", "全年改造危桥29座，完成率为85.71%。", "85.71%", "82.86")]
    [InlineData("p40-hunan-xinshao-anfang", "全年改造危桥15座，完成率为88.33%。", "88.33%", "83.33")]
    [InlineData("p40-hunan-xinshao-anfang", "全年改造危桥16座。", "16座", "15")]
    [InlineData("p40-sichuan-yilong-weifang", "全年改造危房1136户，完成率为96.47%。", "96.47%", "94.67")]
    [InlineData("p40-sichuan-yilong-weifang", "全年改造危房1163户。", "1163户", "1136")]
    [InlineData("p40-gansu-tongwei-xiaoshe", "全年维修校舍33840平方米，完成率为96.00%。", "96.00%", "94.00")]
    [InlineData("p40-gansu-tongwei-xiaoshe", "全年维修校舍38340平方米。", "38340平方米", "33840")]
    public void ATwoCharacterSubject_Wrong_IsContradicted(string table, string text, string span, string? note) => Expect(table, text, span, [Verdict.Contradicted], note);

    /// <summary>Item 2: a count or a 完成率 after a verb and a two-character noun (改造危桥, 维修校舍, 改造危房); nouns no row holds name nothing: the right figure verifies.</summary>
    [Theory]
    [InlineData("p38-t4-anhui-luan-nongcungonglu-transfer", "全年改造危桥29座，完成率为82.86%。", "82.86%")]
    [InlineData("p38-t4-anhui-luan-nongcungonglu-transfer", "全年改造危桥29座，完成率为82.86%。", "29座")]
    [InlineData("p40-hunan-xinshao-anfang", "全年改造危桥15座，完成率83.33%。", "83.33%")]
    [InlineData("p40-hunan-xinshao-anfang", "全年改造危桥15座。", "15座")]
    [InlineData("p40-sichuan-yilong-weifang", "全年改造危房1136户，完成率为94.67%。", "94.67%")]
    [InlineData("p40-gansu-tongwei-xiaoshe", "全年维修校舍33840平方米，完成率94.00%。", "94.00%")]
    public void ATwoCharacterSubject_Right_Verifies(string table, string text, string span) => Expect(table, text, span, [Verdict.Verified, Verdict.Derived]);

    /// <summary>Item 2: a count or a 完成率 after a verb and a two-character noun (改造危桥, 维修校舍, 改造危房); nouns no row holds name nothing: no row of the table: out of scope.</summary>
    [Theory]
    [InlineData("p40-guangxi-duan-yigong", "全年培训厨师120人。", "120人")]
    [InlineData("p40-sichuan-yilong-weifang", "全年改造厕所320户。", "320户")]
    [InlineData("p40-hunan-xinshao-anfang", "全年改造危房12户。", "12户")]
    public void ATwoCharacterSubject_NoRow_IsOutOfScope(string table, string text, string span) => Expect(table, text, span, [Verdict.OutOfScope]);

    /// <summary>Item 2: a count or a 完成率 after a verb and a two-character noun (改造危桥, 维修校舍, 改造危房); nouns no row holds name nothing: no row of the table: never contradicted.</summary>
    [Theory]
    [InlineData("p40-hunan-xinshao-anfang", "全年新建桥梁3座。", "3座")]
    [InlineData("p40-gansu-tongwei-xiaoshe", "全年新建食堂3所，完成率为100%。", "100%")]
    public void ATwoCharacterSubject_NoRow_IsNotContradicted(string table, string text, string span) => Expect(table, text, span, [Verdict.OutOfScope, Verdict.Verified, Verdict.Derived, Verdict.Unverified]);

    /// <summary>Item 3: a 其中 list after a total whose words name no column: the column is the one whose total the figure is: wrong → contradicted, citing the right figure.</summary>
    [Theory]
    [InlineData("p40-sichuan-yilong-weifang", "项目资金合计2860.00万元，其中中央1800.00万元、省级640.00万元、县级240.00万元。", "240.00万元", "420")]
    [InlineData("p40-sichuan-yilong-weifang", "资金合计2517.36万元，其中中央1800.00万元、省级512.16万元、县级250.20万元。", "250.20万元", "205.2")]
    [InlineData("p40-hunan-xinshao-anfang", "项目资金共计4150.00万元，其中中央车购税资金2900.00万元、省级资金580.00万元、县级配套资金400.00万元。", "580.00万元", "850")]
    [InlineData("p40-gansu-tongwei-xiaoshe", "资金总额1512.60万元，其中中央资金960.00万元、省级资金378.60万元、县级资金90.00万元、上年结转资金48.00万元。", "48.00万元", "84")]
    [InlineData("p38-t5-shaanxi-yangxian-xianjie", "全县衔接资金0.99亿元，其中中央资金6240万元、省级资金2280万元。", "6240万元", "6420")]
    [InlineData("p40-guangxi-duan-yigong", "以工代赈资金2280.00万元，其中中央资金2000.00万元、县级资金208.00万元。", "208.00万元", "280")]
    public void APartOfAListWhoseTotalNamesNoColumn_Wrong_IsContradicted(string table, string text, string span, string? note) => Expect(table, text, span, [Verdict.Contradicted], note);

    /// <summary>Item 3: a 其中 list after a total whose words name no column: the column is the one whose total the figure is: the right figure verifies.</summary>
    [Theory]
    [InlineData("p40-sichuan-yilong-weifang", "项目资金合计2860.00万元，其中中央1800.00万元、省级640.00万元、县级420.00万元。", "420.00万元")]
    [InlineData("p40-sichuan-yilong-weifang", "资金合计2517.36万元，其中中央1800.00万元、省级512.16万元、县级205.20万元。", "205.20万元")]
    [InlineData("p40-sichuan-yilong-weifang", "资金合计2517.36万元，其中中央1800.00万元、省级512.16万元、县级205.20万元。", "512.16万元")]
    [InlineData("p40-hunan-xinshao-anfang", "项目资金共计4150.00万元，其中中央车购税资金2900.00万元、省级资金850.00万元、县级配套资金400.00万元。", "850.00万元")]
    [InlineData("p40-gansu-tongwei-xiaoshe", "资金总额1512.60万元，其中中央资金960.00万元、省级资金378.60万元、县级资金90.00万元、上年结转资金84.00万元。", "84.00万元")]
    [InlineData("p38-t5-shaanxi-yangxian-xianjie", "全县衔接资金0.99亿元，其中中央资金6420万元、省级资金2280万元。", "6420万元")]
    public void APartOfAListWhoseTotalNamesNoColumn_Right_Verifies(string table, string text, string span) => Expect(table, text, span, [Verdict.Verified, Verdict.Derived]);

    /// <summary>Item 4: 结转 (结转资金, 结转结余, 结转下年) is this year's 结余 (预算 − 执行); 上年结转 is a line of its own: wrong → contradicted, citing the right figure.</summary>
    [Theory]
    [InlineData("p40-sichuan-yilong-weifang", "年末结转资金342.64万元，其中省级资金127.84万元、县级资金241.80万元。", "241.80万元", "214.8")]
    [InlineData("p40-sichuan-yilong-weifang", "省级资金结转127.48万元。", "127.48万元", "127.84")]
    [InlineData("p40-sichuan-yilong-weifang", "全年结转资金324.64万元。", "324.64万元", "342.64")]
    [InlineData("p40-gansu-tongwei-xiaoshe", "结转结余资金176.40万元。", "176.40万元", "167.4")]
    [InlineData("p38-t3-shandong-yinan-gaobiaozhunnongtian", "县级资金结转304.00万元。", "304.00万元", "340")]
    [InlineData("p38-t4-anhui-luan-nongcungonglu-transfer", "年末结转资金2274.63万元。", "2274.63万元", "2247.63")]
    public void ACarriedForwardBalance_Wrong_IsContradicted(string table, string text, string span, string? note) => Expect(table, text, span, [Verdict.Contradicted], note);

    /// <summary>Item 4: 结转 (结转资金, 结转结余, 结转下年) is this year's 结余 (预算 − 执行); 上年结转 is a line of its own: the right figure verifies.</summary>
    [Theory]
    [InlineData("p40-sichuan-yilong-weifang", "年末结转资金342.64万元，其中省级资金127.84万元、县级资金214.80万元。", "214.80万元")]
    [InlineData("p40-sichuan-yilong-weifang", "县级资金结转下年214.80万元。", "214.80万元")]
    [InlineData("p40-gansu-tongwei-xiaoshe", "上年结转资金执行84.00万元。", "84.00万元")]
    [InlineData("p40-gansu-tongwei-xiaoshe", "上年结转资金120.00万元，执行84.00万元。", "120.00万元")]
    [InlineData("p40-gansu-tongwei-xiaoshe", "结转结余资金167.40万元。", "167.40万元")]
    [InlineData("p38-t3-shandong-yinan-gaobiaozhunnongtian", "县级资金结转340.00万元。", "340.00万元")]
    [InlineData("p38-t4-anhui-luan-nongcungonglu-transfer", "结转资金2247.63万元。", "2247.63万元")]
    public void ACarriedForwardBalance_Right_Verifies(string table, string text, string span) => Expect(table, text, span, [Verdict.Verified, Verdict.Derived]);

    /// <summary>Item 5: degree words — a stronger degree than the table's result is contradicted, as strong verifies; a claim of the target word or of every row met agrees with the row's status (the calculator ranks the degrees the same way).</summary>
    [Theory]
    [InlineData("p40-sichuan-yilong-weifang", "农村低收入群体住房安全保障水平显著提升。", "显著提升", Verdict.Contradicted)]
    [InlineData("p40-sichuan-yilong-weifang", "农村低收入群体住房安全保障水平稳步提升。", "稳步提升", Verdict.Verified)]
    [InlineData("p40-hunan-xinshao-anfang", "农村公路通行安全水平明显提升。", "明显提升", Verdict.Contradicted)]
    [InlineData("p40-hunan-xinshao-anfang", "农村公路通行安全水平持续提升。", "持续提升", Verdict.Verified)]
    [InlineData("p40-gansu-tongwei-xiaoshe", "办学条件持续改善。", "持续改善", Verdict.Contradicted)]
    [InlineData("p40-gansu-tongwei-xiaoshe", "办学条件有所改善。", "有所改善", Verdict.Verified)]
    [InlineData("p40-gansu-tongwei-xiaoshe", "校舍安全状况明显改善。", "明显改善", Verdict.Contradicted)]
    [InlineData("p40-gansu-tongwei-xiaoshe", "校舍安全状况逐步改善。", "逐步改善", Verdict.Verified)]
    [InlineData("p40-guangxi-duan-yigong", "群众参与积极性大幅提高。", "大幅提高", Verdict.Contradicted)]
    [InlineData("p40-guangxi-duan-yigong", "群众参与积极性稳步提高。", "稳步提高", Verdict.Verified)]
    [InlineData("p38-t2-yunnan-luliang-gonggongweisheng", "基层医疗卫生机构服务能力显著提升。", "显著提升", Verdict.Contradicted)]
    [InlineData("p38-t2-yunnan-luliang-gonggongweisheng", "基层医疗卫生机构服务能力持续提升。", "持续提升", Verdict.Verified)]
    [InlineData("p40-sichuan-yilong-weifang", "农村低收入群体住房安全保障水平达到“显著提升”的目标。", "显著提升", Verdict.Contradicted)]
    [InlineData("p40-sichuan-yilong-weifang", "各项绩效指标均已完成。", "均已完成", Verdict.Contradicted)]
    [InlineData("p40-hunan-xinshao-anfang", "除危桥改造数量外，其余指标均已完成。", "均已完成", Verdict.Contradicted)]
    [InlineData("p38-henan-huaxian-yinshui", "农村供水保障水平达到“稳步提升”的目标。", "稳步提升", Verdict.Contradicted)]
    public void ADegreeClaim_AgreesWithTheRanking(string table, string text, string span, Verdict expected) => ExpectClaim(table, text, span, expected);

    /// <summary>
    /// Item 5, the calculator's side: a result worded with a weaker degree than its target (稳步提升 against 显著提升, 有所改善 against
    /// 持续改善, 有所提升 against 稳步提升) is short of it, at full marks when the table prints none (the 达成 band's default share);
    /// as strong or stronger is met.
    /// </summary>
    [Theory]
    [InlineData("p40-sichuan-yilong-weifang", "农村低收入群体住房安全保障水平", IndicatorStatus.Short)]
    [InlineData("p40-hunan-xinshao-anfang", "农村公路通行安全水平", IndicatorStatus.Short)]
    [InlineData("p40-gansu-tongwei-xiaoshe", "办学条件", IndicatorStatus.Short)]
    [InlineData("p40-gansu-tongwei-xiaoshe", "校舍安全状况", IndicatorStatus.Met)]
    [InlineData("p40-guangxi-duan-yigong", "群众参与积极性", IndicatorStatus.Met)]
    [InlineData("p38-henan-huaxian-yinshui", "农村供水保障水平", IndicatorStatus.Short)]
    [InlineData("p38-t2-yunnan-luliang-gonggongweisheng", "城乡居民公共卫生服务差距", IndicatorStatus.Short)]
    [InlineData("p38-t2-yunnan-luliang-gonggongweisheng", "基层医疗卫生机构服务能力", IndicatorStatus.Met)]
    public void AWeakerDegree_IsShortOfItsTarget(string table, string row, IndicatorStatus status)
    {
        IndicatorResult r = Sheets[table].Report.Indicators.Single(i => i.Name == row);
        Assert.Equal(status, r.Status);
        Assert.Equal(r.Weight, r.Score);
    }

    /// <summary>A printed score below the 分值 on such a row is the evaluator's grade within the bands, as for 效果良好 against 效果显著.</summary>
    [Fact]
    public void AWeakerDegreeWithALowerPrintedScore_ScoresThePrintedScore()
    {
        Evaluation e = Load("p40-gansu-tongwei-xiaoshe");
        int row = e.Indicators.ToList().FindIndex(i => i.Name == "办学条件");
        var indicators = e.Indicators.ToList();
        indicators[row] = indicators[row] with { PrintedScore = PrintedNumber.Parse("7") };
        ScoreReport report = Calculator.Score(e with { Indicators = indicators });
        Assert.Equal(IndicatorStatus.Short, report.Indicators[row].Status);
        Assert.Equal(7m, report.Indicators[row].Score);
    }

    /// <summary>The ranking both sides share: degree against degree by <see cref="DegreeWords"/>; otherwise the grade levels.</summary>
    [Theory]
    [InlineData("显著提升", "稳步提升", true)]
    [InlineData("明显提升", "持续提升", true)]
    [InlineData("逐步缩小", "有所缩小", true)]
    [InlineData("不断健全", "基本建立", true)]
    [InlineData("持续改善", "有所改善", true)]
    [InlineData("稳步提升", "稳步提升", false)]
    [InlineData("逐步提升", "明显提升", false)]
    [InlineData("稳步增加", "明显增加", false)]
    [InlineData("有所提升", "稳步提升", false)]
    [InlineData("效果显著", "稳步提升", true)]
    [InlineData("效果显著", "效果良好", true)]
    [InlineData("持续提升", "效果良好", false)]
    public void IsWeaker_RanksDegrees(string target, string actual, bool weaker) =>
        Assert.Equal(weaker, Calculator.IsWeaker(CellParser.Parse(target), CellParser.Parse(actual)));

    /// <summary>稳步/持续/逐步/不断/进一步 alone are the middle grade (2); a stronger or a negating word in the cell keeps its own level.</summary>
    [Theory]
    [InlineData("稳步提升", 2)]
    [InlineData("持续改善", 2)]
    [InlineData("不断健全", 2)]
    [InlineData("进一步完善", 2)]
    [InlineData("持续改善，效果显著", 3)]
    [InlineData("未明显提升", 0)]
    [InlineData("有所提升", 2)]
    [InlineData("基本建立", 1)]
    [InlineData("提高服务水平", null)]
    public void GradeLevel_RanksSteadyProgress(string text, int? level) => Assert.Equal(level, CellParser.GradeLevel(text));
}
