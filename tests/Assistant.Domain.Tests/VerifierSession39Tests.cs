using Assistant.Domain.Facts;
using Assistant.Domain.Verification;
using Assistant.Features.Evaluations;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 39 (probe 38 §3, §4): the misses and misleading notes left after session 38, each a class written in other wordings and
/// over other tables (浙江柯城, 云南陆良, 山东沂南, 安徽六安, 陕西洋县, 江苏如皋, 河南滑县, 江苏沛县): the parts of a 其中 list and of a
/// 执行率分别为 list; the 结余's share of the budget; the gap between two lines' 执行率; a 完成率 after a short row name; the
/// deduction of a 一级指标; a gap to the target whose note cites the gap; degree words of a qualitative result (稳步/明显/有所).
/// </summary>
public class VerifierSession39Tests
{
    private static readonly Dictionary<string, FactSheet> Sheets = new[]
    {
        "p38-t1-zhejiang-kecheng-yingyang", "p38-t2-yunnan-luliang-gonggongweisheng", "p38-t3-shandong-yinan-gaobiaozhunnongtian",
        "p38-t4-anhui-luan-nongcungonglu-transfer", "p38-t5-shaanxi-yangxian-xianjie", "p38-t6-jiangsu-rugao-yanglao",
        "p38-henan-huaxian-yinshui", "p38-jiangsu-peixian-yiwujiaoyu",
    }.ToDictionary(n => n, n => FactSheet.Build(EvaluationJson.Parse(File.ReadAllText(
        Path.Combine(RepoPaths.Repo, "eval", "cases", "verifier", "tables", n + ".json")))));

    private static VerificationReport Run(string table, string text) => Verifier.Verify(Sheets["p38-" + table], text);

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

    private static void Wrong(string table, string text, string span, string noteHas) => Expect(table, text, span, [Verdict.Contradicted], noteHas);

    private static void Right(string table, string text, string span) => Expect(table, text, span, [Verdict.Verified, Verdict.Derived]);

    /// <summary>The claim read over <paramref name="span"/> has verdict <paramref name="expected"/> (null: no claim there).</summary>
    private static void ExpectClaim(string table, string text, string span, Verdict? expected, string? noteHas = null)
    {
        int at = text.IndexOf(span, StringComparison.Ordinal);
        Assert.True(at >= 0, span);
        var claims = Run(table, text).Claims.Where(c => c.Start < at + span.Length && c.Start + c.Length > at).ToList();
        string all = string.Join("; ", claims.Select(c => $"{c.Text}={c.Verdict} {c.Note}"));
        if (expected is null)
        {
            Assert.True(claims.Count == 0, $"{text}: {all}");
            return;
        }

        Assert.True(claims.Count > 0 && claims.All(c => c.Verdict == expected), $"{text}: {all}");
        Assert.True(noteHas is null || claims.Any(c => (c.Note ?? string.Empty).Contains(noteHas, StringComparison.Ordinal)), $"{text}: {all} lacks {noteHas}");
    }

    /// <summary>Item 1: a wrong part of a 其中 list is contradicted by its line's figure in the column the total names (预算, 执行, 结余).</summary>
    [Theory]
    [InlineData("t2-yunnan-luliang-gonggongweisheng", "全年结余资金合计353.55万元，其中省级112.73万元、县级240.28万元。", "240.28万元", "240.82万元")]
    [InlineData("t5-shaanxi-yangxian-xianjie", "全年预算数9862.00万元，其中中央资金6240.00万元、省级资金2280.00万元。", "6240.00万元", "6420.00万元")]
    [InlineData("t3-shandong-yinan-gaobiaozhunnongtian", "全年结余资金858.37万元，其中中央资金238.80万元、省级资金279.57万元、县级资金304.00万元。", "304.00万元", "340.00万元")]
    [InlineData("henan-huaxian-yinshui", "全年执行3006.72万元，其中中央资金2000.00万元、省级资金620.40万元、县级资金368.32万元。", "368.32万元", "386.32万元")]
    [InlineData("jiangsu-peixian-yiwujiaoyu", "年度预算2600万元，其中中央资金1600万元，县级资金1100万元。", "1100万元", "1000")]
    [InlineData("t6-jiangsu-rugao-yanglao", "全年预算1280万元，其中省级资金800万元、市级资金840万元。", "840万元", "480")]
    [InlineData("t6-jiangsu-rugao-yanglao", "全年实际支出1176.40万元，其中省级资金800.00万元、市级资金367.40万元。", "367.40万元", "376.40万元")]
    public void AWrongPartOfAList_IsContradicted(string table, string text, string span, string note) => Wrong(table, text, span, note);

    /// <summary>The right parts of the same lists verify.</summary>
    [Theory]
    [InlineData("t2-yunnan-luliang-gonggongweisheng", "全年结余资金合计353.55万元，其中省级112.73万元、县级240.82万元。", "240.82万元")]
    [InlineData("t2-yunnan-luliang-gonggongweisheng", "全年结余资金合计353.55万元，其中省级112.73万元、县级240.82万元。", "112.73万元")]
    [InlineData("t5-shaanxi-yangxian-xianjie", "全年预算数9862.00万元，其中中央资金6420.00万元、省级资金2280.00万元。", "6420.00万元")]
    [InlineData("t3-shandong-yinan-gaobiaozhunnongtian", "全年结余资金858.37万元，其中中央资金238.80万元、省级资金279.57万元、县级资金340.00万元。", "340.00万元")]
    [InlineData("henan-huaxian-yinshui", "全年执行3006.72万元，其中中央资金2000.00万元、省级资金620.40万元、县级资金386.32万元。", "386.32万元")]
    public void TheRightPartOfAList_Verifies(string table, string text, string span) => Right(table, text, span);

    /// <summary>Item 1: the k-th rate after 执行率分别为 is the k-th line's.</summary>
    [Theory]
    [InlineData("t4-anhui-luan-nongcungonglu-transfer", "中央财政资金、省级资金、市县资金执行率分别为93.02%、77.20%、57.68%。", "57.68%", "57.86%")]
    [InlineData("t1-zhejiang-kecheng-yingyang", "中央资金、省级资金、区级资金的执行率分别为100%、86.52%和94.44%。", "94.44%", "49.44%")]
    public void AWrongRateOfAList_IsContradicted(string table, string text, string span, string note) => Wrong(table, text, span, note);

    [Theory]
    [InlineData("t4-anhui-luan-nongcungonglu-transfer", "中央财政资金、省级资金、市县资金执行率分别为93.02%、77.20%、57.86%。", "57.86%")]
    [InlineData("t1-zhejiang-kecheng-yingyang", "中央资金、省级资金、区级资金的执行率分别为100%、86.52%和49.44%。", "49.44%")]
    public void TheRightRatesOfAList_Verify(string table, string text, string span) => Right(table, text, span);

    /// <summary>Item 2: the 结余's share of the budget, and the gap between two lines' 执行率 in 个百分点 (both wordings).</summary>
    [Theory]
    [InlineData("t4-anhui-luan-nongcungonglu-transfer", "结余资金2247.63万元，占全年预算的12.50%。", "12.50%", "12.05%")]
    [InlineData("t5-shaanxi-yangxian-xianjie", "全年结余资金345.17万元，占全年预算的3.86%。", "3.86%", "3.50%")]
    [InlineData("t3-shandong-yinan-gaobiaozhunnongtian", "结余资金858.37万元，占预算总额的28.89%。", "28.89%", "22.89%")]
    [InlineData("t4-anhui-luan-nongcungonglu-transfer", "市县资金执行率比中央财政资金低35.61个百分点。", "35.61个百分点", "35.16个百分点")]
    [InlineData("t5-shaanxi-yangxian-xianjie", "县级资金执行率比中央资金低15.49个百分点。", "15.49个百分点", "14.59个百分点")]
    [InlineData("t1-zhejiang-kecheng-yingyang", "区级资金执行率较省级资金低37.80个百分点。", "37.80个百分点", "37.08个百分点")]
    [InlineData("t1-zhejiang-kecheng-yingyang", "区级资金执行率较省级资金高37.08个百分点。", "37.08个百分点", "区级资金低37.08个百分点")]
    public void AWrongShareOrRateGap_IsContradicted(string table, string text, string span, string note) => Wrong(table, text, span, note);

    [Theory]
    [InlineData("t4-anhui-luan-nongcungonglu-transfer", "结余资金2247.63万元，占全年预算的12.05%。", "12.05%")]
    [InlineData("t5-shaanxi-yangxian-xianjie", "全年结余资金345.17万元，占全年预算的3.50%。", "3.50%")]
    [InlineData("t3-shandong-yinan-gaobiaozhunnongtian", "结余资金858.37万元，占预算总额的22.89%。", "22.89%")]
    [InlineData("t4-anhui-luan-nongcungonglu-transfer", "市县资金执行率比中央财政资金低35.16个百分点。", "35.16个百分点")]
    [InlineData("t4-anhui-luan-nongcungonglu-transfer", "中央财政资金执行率较省级资金高15.82个百分点。", "15.82个百分点")]
    [InlineData("t5-shaanxi-yangxian-xianjie", "县级资金执行率比中央资金低14.59个百分点。", "14.59个百分点")]
    [InlineData("t1-zhejiang-kecheng-yingyang", "省级资金执行率比区级资金高37.08个百分点。", "37.08个百分点")]
    public void TheRightShareOrRateGap_Verifies(string table, string text, string span) => Right(table, text, span);

    /// <summary>Item 3: a 完成率 after a short form of the row's name (a prefix, a suffix or both dropped) is that row's.</summary>
    [Theory]
    [InlineData("t5-shaanxi-yangxian-xianjie", "全年发放小额信贷10500万元，较目标少1500万元，完成率为88.5%。", "88.5%", "87.50%")]
    [InlineData("t6-jiangsu-rugao-yanglao", "家庭养老床位建设426张，完成率为85.5%。", "85.5%", "85.20%")]
    [InlineData("t2-yunnan-luliang-gonggongweisheng", "老年人健康管理46215人，完成率96.82%。", "96.82%", "96.28%")]
    [InlineData("jiangsu-peixian-yiwujiaoyu", "改造校舍2.52万平方米，完成率为110%。", "110%", "105.00%")]
    public void AWrongRateAfterAShortName_IsContradicted(string table, string text, string span, string note) => Wrong(table, text, span, note);

    [Theory]
    [InlineData("t5-shaanxi-yangxian-xianjie", "全年发放小额信贷10500万元，较目标少1500万元，完成率为87.50%。", "87.50%")]
    [InlineData("t6-jiangsu-rugao-yanglao", "家庭养老床位建设426张，完成率为85.20%。", "85.20%")]
    [InlineData("t4-anhui-luan-nongcungonglu-transfer", "危桥改造29座，完成率82.86%。", "82.86%")]
    public void TheRightRateAfterAShortName_Verifies(string table, string text, string span) => Right(table, text, span);

    /// <summary>Item 4: a deduction of a 一级指标 named after the fund line is that level's (分值合计 − 得分合计), not the fund line's.</summary>
    [Theory]
    [InlineData("t2-yunnan-luliang-gonggongweisheng", "产出指标得分47.52分，扣2.58分。", "2.58分", "2.48分")]
    [InlineData("t2-yunnan-luliang-gonggongweisheng", "资金执行得分9.09分，扣0.91分；产出指标得分47.52分，扣2.58分。", "2.58分", "产出指标的扣分为2.48分")]
    [InlineData("t5-shaanxi-yangxian-xianjie", "效益指标得分38.60分，扣1.60分。", "1.60分", "1.40分")]
    public void AWrongLevelDeduction_CitesTheLevel(string table, string text, string span, string note) => Wrong(table, text, span, note);

    [Theory]
    [InlineData("t2-yunnan-luliang-gonggongweisheng", "资金执行得分9.09分，扣0.91分；产出指标得分47.52分，扣2.48分。", "2.48分")]
    [InlineData("t2-yunnan-luliang-gonggongweisheng", "资金执行得分9.09分，扣0.91分；产出指标得分47.52分，扣2.48分。", "0.91分")]
    [InlineData("t5-shaanxi-yangxian-xianjie", "效益指标得分38.60分，扣1.40分。", "1.40分")]
    public void TheRightLevelDeduction_Verifies(string table, string text, string span) => Right(table, text, span);

    /// <summary>Item 4: a wrong gap to the target is contradicted citing the row's gap (or saying it has none), not its 指标值 or 完成值.</summary>
    [Theory]
    [InlineData("t2-yunnan-luliang-gonggongweisheng", "孕产妇死亡率18.6/10万，超出控制标准3.4/10万。", "3.4/10万", "3.6")]
    [InlineData("t1-zhejiang-kecheng-yingyang", "供餐学校86所，较目标多2所。", "2所", "没有差距")]
    [InlineData("henan-huaxian-yinshui", "单处工程维修成本58.6万元/处，低于控制标准2.4万元/处。", "2.4万元/处", "1.4")]
    [InlineData("henan-huaxian-yinshui", "新增水质检测设备24台，较目标少4台。", "4台", "6台")]
    [InlineData("jiangsu-peixian-yiwujiaoyu", "购置课桌椅2760张，较目标少420张。", "420张", "240张")]
    public void AWrongGapToTheTarget_CitesTheGap(string table, string text, string span, string note) => Wrong(table, text, span, note);

    /// <summary>Item 5: a count whose sentence names its row with the words in another order (培训管护人员 for 管护人员培训人数), 名 as 人.</summary>
    [Theory]
    [InlineData("henan-huaxian-yinshui", "全年培训管护人员381名。", "381名", "318人")]
    [InlineData("jiangsu-peixian-yiwujiaoyu", "全年受益学生12850名。", "12850名", "12580人")]
    public void AWrongCountUnderReorderedWords_IsContradicted(string table, string text, string span, string note) => Wrong(table, text, span, note);

    [Theory]
    [InlineData("henan-huaxian-yinshui", "全年培训管护人员318名。", "318名")]
    public void TheRightCountUnderReorderedWords_Verifies(string table, string text, string span) => Right(table, text, span);

    /// <summary>Item 5: a result's degree stronger than the table's (稳步/明显/显著 against 有所) is contradicted; as strong verifies; weaker is no claim.</summary>
    [Theory]
    [InlineData("henan-huaxian-yinshui", "农村供水保障水平已稳步提升。", "稳步提升", Verdict.Contradicted)]
    [InlineData("henan-huaxian-yinshui", "农村供水保障水平明显提升。", "明显提升", Verdict.Contradicted)]
    [InlineData("henan-huaxian-yinshui", "农村供水保障水平有所提升。", "有所提升", Verdict.Verified)]
    [InlineData("jiangsu-peixian-yiwujiaoyu", "办学条件显著改善。", "显著改善", Verdict.Contradicted)]
    [InlineData("jiangsu-peixian-yiwujiaoyu", "办学条件已有所改善。", "有所改善", Verdict.Verified)]
    [InlineData("jiangsu-peixian-yiwujiaoyu", "办学条件基本改善。", "基本改善", null)]
    [InlineData("jiangsu-peixian-yiwujiaoyu", "办学条件未明显改善。", "明显改善", null)]
    [InlineData("t2-yunnan-luliang-gonggongweisheng", "城乡居民公共卫生服务差距已明显缩小。", "明显缩小", Verdict.Contradicted)]
    [InlineData("t2-yunnan-luliang-gonggongweisheng", "城乡居民公共卫生服务差距有所缩小。", "有所缩小", Verdict.Verified)]
    public void ADegreeOfAQualitativeResult_IsRankedAgainstTheTable(string table, string text, string span, Verdict? expected) =>
        ExpectClaim(table, text, span, expected);
}
