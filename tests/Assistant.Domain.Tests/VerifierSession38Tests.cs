using Assistant.Domain.Facts;
using Assistant.Domain.Verification;
using Assistant.Features.Evaluations;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 38 (probe 38 §1, §3, §4): the report's opening sentence (year + the unit's own places + department + programme title names
/// the table itself, so a wrong budget there is contradicted, and a county of one character after 年度 is read as itself, not as
/// 度洋县); misses (本项目得分, completion claims against a late deadline row, 已＜target word＞ on a qualitative row, gaps in 张,
/// counts in 名) and false alarms (完成年度目标X的92.4%). Each class over the tester's tables (浙江柯城, 云南陆良, 山东沂南, 安徽六安,
/// 陕西洋县, 江苏如皋) and two of ours (河南滑县 农村饮水, 江苏沛县 义务教育).
/// </summary>
public class VerifierSession38Tests
{
    private static readonly Dictionary<string, FactSheet> Sheets = new[]
    {
        "p38-t1-zhejiang-kecheng-yingyang", "p38-t2-yunnan-luliang-gonggongweisheng", "p38-t3-shandong-yinan-gaobiaozhunnongtian",
        "p38-t4-anhui-luan-nongcungonglu-transfer", "p38-t5-shaanxi-yangxian-xianjie", "p38-t6-jiangsu-rugao-yanglao",
        "p38-henan-huaxian-yinshui", "p38-jiangsu-peixian-yiwujiaoyu",
    }.ToDictionary(n => n, n => FactSheet.Build(EvaluationJson.Parse(File.ReadAllText(
        Path.Combine(RepoPaths.Repo, "eval", "cases", "verifier", "tables", n + ".json")))));

    private static VerificationReport Run(string table, string text) => Verifier.Verify(Sheets["p38-" + table], text);

    /// <summary>The one number read at <paramref name="span"/> has verdict <paramref name="expected"/> (and a fact / note holding the given words).</summary>
    private static void Expect(string table, string text, string span, Verdict expected, string? factHas = null, string? noteHas = null)
    {
        int at = text.IndexOf(span, StringComparison.Ordinal);
        Assert.True(at >= 0, span);
        VerificationReport report = Run(table, text);
        var found = report.Mentions.Where(m => m.Mention.Start < at + span.Length && m.Mention.Start + m.Mention.Length > at).ToList();
        Assert.True(found.Count == 1, $"{text}: {found.Count} numbers read at {span}");
        CheckedMention m = found[0];
        Assert.True(m.Verdict == expected, $"{text} [{span}]: {m.Verdict} {m.FactId} {m.Note}");
        Assert.True(factHas is null || (m.FactId ?? string.Empty).Contains(factHas, StringComparison.Ordinal), $"{text} [{span}]: fact {m.FactId} is not {factHas}");
        Assert.True(noteHas is null || (m.Note ?? string.Empty).Contains(noteHas, StringComparison.Ordinal), $"{text} [{span}]: note {m.Note} lacks {noteHas}");
    }

    /// <summary>The claim read over <paramref name="span"/> has verdict <paramref name="expected"/> (null: no claim there at all).</summary>
    private static void ExpectClaim(string table, string text, string span, Verdict? expected)
    {
        int at = text.IndexOf(span, StringComparison.Ordinal);
        Assert.True(at >= 0, span);
        var claims = Run(table, text).Claims.Where(c => c.Start < at + span.Length && c.Start + c.Length > at).ToList();
        if (expected is null)
        {
            Assert.True(claims.Count == 0, $"{text}: {string.Join("; ", claims.Select(c => $"{c.Text}={c.Verdict} {c.Note}"))}");
            return;
        }

        Assert.True(claims.Count > 0, $"{text}: no claim at {span}");
        Assert.True(claims.All(c => c.Verdict == expected), $"{text}: {string.Join("; ", claims.Select(c => $"{c.Text}={c.Verdict} {c.Note}"))}");
    }

    /// <summary>Probe 38 §1: the opening words name the table, so the budget after them is the table's — contradicted when wrong.</summary>
    [Theory]
    [InlineData("t5-shaanxi-yangxian-xianjie", "2024年度洋县乡村振兴局中央财政衔接推进乡村振兴补助资金全年预算数9682.00万元，其中中央资金6240.00万元。", "9682.00万元", "funds.lines[0].budget")]
    [InlineData("t5-shaanxi-yangxian-xianjie", "2024年洋县中央财政衔接推进乡村振兴补助资金全年预算数9682.00万元。", "9682.00万元", "funds.lines[0].budget")]
    [InlineData("t1-zhejiang-kecheng-yingyang", "2024年度衢州市柯城区教育局农村义务教育学生营养改善计划全年预算数1290.00万元。", "1290.00万元", "funds.lines[0].budget")]
    [InlineData("t1-zhejiang-kecheng-yingyang", "柯城区农村义务教育学生营养改善计划全年预算数1290.00万元。", "1290.00万元", "funds.lines[0].budget")]
    [InlineData("t4-anhui-luan-nongcungonglu-transfer", "2024年度六安市车辆购置税收入补助地方资金（农村公路）全年预算数19650.00万元。", "19650.00万元", "funds.lines[0].budget")]
    [InlineData("t4-anhui-luan-nongcungonglu-transfer", "2024年六安市农村公路全年执行数16042.37万元。", "16042.37万元", "funds.lines[0].executed")]
    [InlineData("t3-shandong-yinan-gaobiaozhunnongtian", "2024年沂南县高标准农田建设项目全年预算数3570万元。", "3570万元", "funds.lines[0].budget")]
    [InlineData("t6-jiangsu-rugao-yanglao", "2024年如皋市居家和社区养老服务提升项目全年预算数1820万元。", "1820万元", "funds.lines[0].budget")]
    [InlineData("henan-huaxian-yinshui", "2024年度滑县水利局农村饮水安全巩固提升工程全年预算数3020.00万元。", "3020.00万元", "funds.lines[0].budget")]
    [InlineData("henan-huaxian-yinshui", "滑县2024年农村饮水安全巩固提升工程全年执行数3060.72万元。", "3060.72万元", "funds.lines[0].executed")]
    [InlineData("jiangsu-peixian-yiwujiaoyu", "2024年度沛县教育局义务教育薄弱环节改善与能力提升项目全年预算数2060万元。", "2060万元", "funds.lines[0].budget")]
    [InlineData("jiangsu-peixian-yiwujiaoyu", "2024年沛县义务教育薄弱环节改善与能力提升项目全年执行数2450.30万元。", "2450.30万元", "funds.lines[0].executed")]
    public void AWrongFigureAfterTheOpeningWords_IsContradicted(string table, string text, string span, string fact) =>
        Expect(table, text, span, Verdict.Contradicted, fact);

    /// <summary>The same opening with the right figures verifies (the product's own part 一).</summary>
    [Theory]
    [InlineData("t5-shaanxi-yangxian-xianjie", "2024年度洋县乡村振兴局中央财政衔接推进乡村振兴补助资金全年预算数9862.00万元，其中中央资金6420.00万元。", "9862.00万元")]
    [InlineData("t5-shaanxi-yangxian-xianjie", "2024年度洋县乡村振兴局中央财政衔接推进乡村振兴补助资金全年预算数9862.00万元，其中中央资金6420.00万元。", "6420.00万元")]
    [InlineData("t1-zhejiang-kecheng-yingyang", "2024年度衢州市柯城区教育局农村义务教育学生营养改善计划全年预算数1920.00万元。", "1920.00万元")]
    [InlineData("t3-shandong-yinan-gaobiaozhunnongtian", "沂南县2024年高标准农田建设项目全年执行数2891.63万元。", "2891.63万元")]
    [InlineData("henan-huaxian-yinshui", "2024年滑县农村饮水安全巩固提升工程全年执行数3006.72万元。", "3006.72万元")]
    [InlineData("jiangsu-peixian-yiwujiaoyu", "2024年度沛县教育局义务教育薄弱环节改善与能力提升项目全年预算数2600万元。", "2600万元")]
    public void TheRightFigureAfterTheOpeningWords_Verifies(string table, string text, string span) =>
        Expect(table, text, span, Verdict.Verified);

    /// <summary>Another county of one character after 年度 is that county (浚县, 沛县 on 滑县's table), out of scope and named as such.</summary>
    [Theory]
    [InlineData("henan-huaxian-yinshui", "2024年度浚县农村饮水安全巩固提升工程全年预算数3020.00万元。", "3020.00万元", "浚县")]
    [InlineData("henan-huaxian-yinshui", "2024年沛县农村饮水安全巩固提升工程全年预算数3020.00万元。", "3020.00万元", "沛县")]
    [InlineData("t5-shaanxi-yangxian-xianjie", "2024年度佛坪县衔接资金全年预算数5200.00万元。", "5200.00万元", "佛坪县")]
    public void AnotherCountyAfterTheYear_IsOutOfScope_NamedWhole(string table, string text, string span, string place) =>
        Expect(table, text, span, Verdict.OutOfScope, null, $"说的是{place}，");

    /// <summary>Probe 38 §3: 本项目得分 / 该项目得分 is the 总分 — the table's wrong printed total quoted there is contradicted.</summary>
    [Theory]
    [InlineData("t1-zhejiang-kecheng-yingyang", "经自评，本项目得分98.29分，等级为“优”。", "98.29分")]
    [InlineData("t3-shandong-yinan-gaobiaozhunnongtian", "经综合评价，该项目得分91.57分。", "91.57分")]
    [InlineData("t5-shaanxi-yangxian-xianjie", "经自评，本项目绩效得分87.76分。", "87.76分")]
    public void TheProgrammeScore_IsTheTotal(string table, string text, string span) =>
        Expect(table, text, span, Verdict.Contradicted, "total");

    /// <summary>The right 总分 after the same words verifies.</summary>
    [Theory]
    [InlineData("t1-zhejiang-kecheng-yingyang", "经自评，本项目得分98.12分。", "98.12分")]
    [InlineData("t3-shandong-yinan-gaobiaozhunnongtian", "经综合评价，该项目得分92.57分。", "92.57分")]
    public void TheRightProgrammeScore_Verifies(string table, string text, string span) =>
        Expect(table, text, span, Verdict.Verified, "total");

    /// <summary>Probe 38 §3: a completion claim about the works, against a deadline row finished late, is contradicted; one that holds verifies.</summary>
    [Theory]
    [InlineData("t3-shandong-yinan-gaobiaozhunnongtian", "项目已于2024年11月底前全部完工。", "完工", Verdict.Contradicted)]
    [InlineData("t3-shandong-yinan-gaobiaozhunnongtian", "项目已按期完工。", "按期完工", Verdict.Contradicted)]
    [InlineData("t3-shandong-yinan-gaobiaozhunnongtian", "全部工程于2024年11月底前完工验收。", "完工验收", Verdict.Contradicted)]
    [InlineData("henan-huaxian-yinshui", "供水工程已于2024年10月底前全部完工。", "完工", Verdict.Contradicted)]
    [InlineData("henan-huaxian-yinshui", "全部供水工程如期竣工。", "如期竣工", Verdict.Contradicted)]
    [InlineData("henan-huaxian-yinshui", "供水工程于2024年12月底前全部完工。", "完工", Verdict.Verified)]
    [InlineData("jiangsu-peixian-yiwujiaoyu", "项目已按期建成。", "按期建成", Verdict.Contradicted)]
    [InlineData("jiangsu-peixian-yiwujiaoyu", "改造工程在2024年8月底前建成。", "建成", Verdict.Contradicted)]
    [InlineData("jiangsu-peixian-yiwujiaoyu", "改造工程于2024年10月底前建成。", "建成", Verdict.Verified)]
    public void ACompletionClaim_IsJudgedByTheWorksRow(string table, string text, string span, Verdict expected) =>
        ExpectClaim(table, text, span, expected);

    /// <summary>Probe 38 §3: 已＜the row's target word＞ on a qualitative row whose result is weaker is contradicted; as strong verifies.</summary>
    [Theory]
    [InlineData("t6-jiangsu-rugao-yanglao", "养老服务体系已不断健全。", "不断健全", Verdict.Contradicted)]
    [InlineData("jiangsu-peixian-yiwujiaoyu", "全县办学条件已明显改善。", "明显改善", Verdict.Contradicted)]
    [InlineData("jiangsu-peixian-yiwujiaoyu", "校舍安全保障已长期有效。", "长期有效", Verdict.Verified)]
    [InlineData("t1-zhejiang-kecheng-yingyang", "学生营养改善长效机制已逐步完善。", "逐步完善", Verdict.Verified)]
    public void AQualitativeRowSaidToHaveReachedItsTarget_IsJudged(string table, string text, string span, Verdict expected) =>
        ExpectClaim(table, text, span, expected);

    /// <summary>Probe 38 §3: a gap in a count unit the pattern did not read (张) is checked like one in 人.</summary>
    [Theory]
    [InlineData("t6-jiangsu-rugao-yanglao", "家庭养老床位建设426张，较目标少64张。", "64张", Verdict.Contradicted)]
    [InlineData("t6-jiangsu-rugao-yanglao", "家庭养老床位建设426张，较目标少74张。", "74张", Verdict.Verified)]
    [InlineData("jiangsu-peixian-yiwujiaoyu", "购置课桌椅2760张，较目标少140张。", "140张", Verdict.Contradicted)]
    [InlineData("jiangsu-peixian-yiwujiaoyu", "购置课桌椅2760张，较目标少240张。", "240张", Verdict.Verified)]
    [InlineData("jiangsu-peixian-yiwujiaoyu", "购置课桌椅2670张。", "2670张", Verdict.Contradicted)]
    [InlineData("jiangsu-peixian-yiwujiaoyu", "购置课桌椅2760张。", "2760张", Verdict.Verified)]
    public void AGapInACountUnit_IsChecked(string table, string text, string span, Verdict expected) =>
        Expect(table, text, span, expected);

    /// <summary>Probe 38 §4: 名 and 位 count the same people as 人.</summary>
    [Theory]
    [InlineData("t2-yunnan-luliang-gonggongweisheng", "全县共为46215名65岁及以上老年人提供健康管理服务。", "46215名", Verdict.Verified)]
    [InlineData("henan-huaxian-yinshui", "全年培训管护人员318名。", "318名", Verdict.Verified)]
    [InlineData("jiangsu-peixian-yiwujiaoyu", "项目惠及受益学生12580名。", "12580名", Verdict.Verified)]
    [InlineData("jiangsu-peixian-yiwujiaoyu", "项目惠及受益学生12580位。", "12580位", Verdict.Verified)]
    public void ACountInMing_IsACountOfPeople(string table, string text, string span, Verdict expected) =>
        Expect(table, text, span, expected);

    /// <summary>Probe 38 §4: 完成年度目标X的92.4% says what share of the target was done — no claim that the target was met.</summary>
    [Theory]
    [InlineData("t3-shandong-yinan-gaobiaozhunnongtian", "项目新建高标准农田2.31万亩，完成年度目标2.5万亩的92.4%。", "完成年度目标")]
    [InlineData("jiangsu-peixian-yiwujiaoyu", "购置课桌椅2760张，完成年度目标任务的92%。", "完成年度目标")]
    [InlineData("henan-huaxian-yinshui", "新增水质检测设备24台，实现年度目标30台的80%。", "实现年度目标")]
    public void AShareOfTheTarget_IsNoClaimOfMet(string table, string text, string span) =>
        ExpectClaim(table, text, span, null);

    /// <summary>Probe 38 §14: a figure written with its unit shortened names the table's whole unit (万元/个, not 元/个).</summary>
    [Theory]
    [InlineData("t5-shaanxi-yangxian-xianjie", "小型公益性基础设施项目平均投资86.5万元/个，超出80万元的控制标准6.5万元。", "80万元", "表中单位为万元/个，文中写作万元")]
    [InlineData("henan-huaxian-yinshui", "单处工程维修成本58.6万元。", "58.6万元", "表中单位为万元/处，文中写作万元")]
    public void AShortenedUnit_NoteNamesTheWholeUnit(string table, string text, string span, string note) =>
        Expect(table, text, span, Verdict.Verified, null, note);

    /// <summary>Probe 38 §4: 为目标值的2.15倍 after the row's 完成值 is that row's 完成值 ÷ 指标值; the first year of 2023—2025年 is a year.</summary>
    [Theory]
    [InlineData("t1-zhejiang-kecheng-yingyang", "营养健康宣传教育覆盖学校86所，为目标值的2.15倍。", "2.15倍", Verdict.Derived)]
    [InlineData("t1-zhejiang-kecheng-yingyang", "营养健康宣传教育覆盖学校86所，为目标值的2.5倍。", "2.5倍", Verdict.Contradicted)]
    [InlineData("jiangsu-peixian-yiwujiaoyu", "受益学生12580人，为目标值的1.05倍。", "1.05倍", Verdict.Derived)]
    [InlineData("t3-shandong-yinan-gaobiaozhunnongtian", "2023—2025年累计建设任务6万亩。", "2023", Verdict.Identifier)]
    [InlineData("henan-huaxian-yinshui", "2024-2026年持续开展农村供水工程管护。", "2024", Verdict.Identifier)]
    public void AMultipleOfTheTargetAndAYearRange_AreRead(string table, string text, string span, Verdict expected) =>
        Expect(table, text, span, expected);
}
