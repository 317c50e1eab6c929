using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Verification;
using Assistant.Features.Evaluations;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 43 (the classes session 42's held-out drafts left, and those found on three tables the verifier eval had not used —
/// 内蒙古包头 科技 (亿元), 湖北蕲春 医疗救助 (元), 福建武夷山 文旅 (部门, 基本/项目支出)): a threshold over several fund lines (K1); a
/// qualified bound held to the 完成值 (K2); 成 fractions and 过半 (K8); 提前完成 on a late row and savings against a ceiling or deadline
/// (K5/K12); a level's score (K9); a gap in points verified as a completion's excess; a line added to its own part. Every case but
/// the 提前完成 claims (the reference has no timeliness claims) also asserts that the product equals the reference on that text.
/// </summary>
public class VerifierSession43Tests
{
    private static readonly string[] Tables =
    [
        "p41-t1-hebei-fengfeng-jiuye", "p40-t3-guangdong-ruyuan-laojiuxiaoqu", "p41-t4-chongqing-wulong-linye", "p38-t2-yunnan-luliang-gonggongweisheng",
        "p41-t2-hubei-qichun-yiliaojiuzhu", "p38-t7-fujian-wuyishan-wenlv-bumen", "p43-t7-neimenggu-baotou-keji", "p41-t5-gansu-anding-canjiren",
    ];

    private static readonly Dictionary<string, FactSheet> Sheets = Tables.ToDictionary(n => n, n => FactSheet.Build(Load(n)));

    private static Evaluation Load(string name) => VerifierTableCases.Load(name);

    private static VerificationReport Verify(string table, string text, bool reference = true)
    {
        FactSheet sheet = Sheets[table];
        VerificationReport report = Verifier.Verify(sheet, text);
        if (reference)
        {
            Assert.Equal(VerifierCorpus.Render(ReferenceVerifier.Verifier.Verify(sheet, text)), VerifierCorpus.Render(report));
        }

        return report;
    }

    private static List<(string Text, Verdict Verdict, string? FactId, string? Note)> At(VerificationReport report, string text, string span) =>
        VerifierTableCases.At(report, text, span);

    private static void Contradicted(string table, string text, string span, string factIs, string noteHas, bool reference = true)
    {
        var found = At(Verify(table, text, reference), text, span);
        Assert.True(found.Any(f => f.Verdict == Verdict.Contradicted && (f.FactId ?? string.Empty).StartsWith(factIs, StringComparison.Ordinal)
            && (f.Note ?? string.Empty).Contains(noteHas, StringComparison.Ordinal)), $"{text}: {string.Join("; ", found)}");
    }

    private static void NoAlarm(string table, string text, string span, bool verified)
    {
        VerificationReport report = Verify(table, text);
        var alarms = report.Claims.Where(c => c.Verdict is Verdict.Contradicted or Verdict.Unverified).Select(c => $"{c.Text} {c.Verdict} {c.Note}")
            .Concat(report.Mentions.Where(m => m.Verdict is Verdict.Contradicted or Verdict.Unverified).Select(m => $"{m.Mention.Text} {m.Verdict} {m.Note}")).ToList();
        Assert.True(alarms.Count == 0, $"{text}: {string.Join("; ", alarms)}");
        var found = At(report, text, span);
        Assert.True(!verified || found.Any(f => f.Verdict is Verdict.Verified or Verdict.Derived), $"{text}: {string.Join("; ", found)}");
    }

    /// <summary>K1: a threshold said of several fund lines is contradicted by the first line it does not hold for.</summary>
    [Theory]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "中央资金和省级资金执行率均超过90%。", "90%", "funds.lines[2].rate", "省级资金执行率83.78%")]
    [InlineData("p41-t4-chongqing-wulong-linye", "中央资金和市级资金执行率均高于80%。", "80%", "funds.lines[2].rate", "市级资金执行率73.64%")]
    [InlineData("p38-t2-yunnan-luliang-gonggongweisheng", "省级和县级配套资金执行率均低于50%。", "50%", "funds.lines[2].rate", "省级补助资金执行率83.80%")]
    [InlineData("p40-t3-guangdong-ruyuan-laojiuxiaoqu", "中央和省级资金执行率均超过80%。", "80%", "funds.lines[2].rate", "74.43%")]
    [InlineData("p41-t2-hubei-qichun-yiliaojiuzhu", "中央、省级和县级资金执行率均超过90%。", "90%", "funds.lines[3].rate", "县级资金执行率49.76%")]
    [InlineData("p38-t7-fujian-wuyishan-wenlv-bumen", "基本支出和项目支出执行率均超过90%。", "90%", "funds.lines[2].rate", "项目支出执行率83.03%")]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "三项资金执行率都在九成以上。", "九成", "funds.lines[2].rate", "83.78%")]
    [InlineData("p43-t7-neimenggu-baotou-keji", "自治区资金和市级资金执行率均高于70%。", "70%", "funds.lines[2].rate", "市级资金执行率60.00%")]
    public void AThresholdOverSeveralLines_IsJudgedOnEveryLine(string table, string text, string span, string factIs, string noteHas) =>
        Contradicted(table, text, span, factIs, noteHas);

    /// <summary>K1: a threshold every listed line holds verifies, and the comparison word is no unresolved group claim.</summary>
    [Theory]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "中央资金和省级资金执行率均超过80%。", "80%")]
    [InlineData("p41-t2-hubei-qichun-yiliaojiuzhu", "中央资金和省级资金执行率均超过90%。", "90%")]
    [InlineData("p38-t2-yunnan-luliang-gonggongweisheng", "中央和省级补助资金执行率均超过80%。", "80%")]
    [InlineData("p41-t5-gansu-anding-canjiren", "中央、省级和区级资金执行率均超过95%。", "95%")]
    [InlineData("p43-t7-neimenggu-baotou-keji", "自治区资金和市级资金执行率均未达到100%。", "100%")]
    [InlineData("p41-t4-chongqing-wulong-linye", "市级和区级资金执行率均低于75%。", "75%")]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "各级资金执行率均在60%以上。", "60%")]
    public void AThresholdEveryListedLineHolds_IsVerified(string table, string text, string span) => NoAlarm(table, text, span, true);

    /// <summary>K2: a qualified bound that holds for the 指标值 (or only by rounding for the 完成值) is held to the 完成值.</summary>
    [Theory]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "全年职业技能培训超过2500人次。", "2500人次", "indicators[1].actual", "2460")]
    [InlineData("p40-t3-guangdong-ruyuan-laojiuxiaoqu", "全年惠及居民超过2300户。", "2300户", "indicators[1].actual", "2214")]
    [InlineData("p41-t4-chongqing-wulong-linye", "全年完成营造林逾1.4万亩。", "1.4万亩", "indicators[0].actual", "1.35")]
    [InlineData("p38-t2-yunnan-luliang-gonggongweisheng", "全年管理65岁及以上老年人逾4.7万人。", "4.7万人", "indicators[0].actual", "46215")]
    [InlineData("p41-t2-hubei-qichun-yiliaojiuzhu", "全年资助困难群众参加基本医疗保险约4.2万人。", "4.2万人", "indicators[0].actual", "41236")]
    [InlineData("p41-t2-hubei-qichun-yiliaojiuzhu", "救助对象满意度超过93%。", "93%", "indicators[7].actual", "92.5%")]
    [InlineData("p43-t7-neimenggu-baotou-keji", "全年支持科技型中小企业逾170家。", "170家", "indicators[0].actual", "163")]
    public void AQualifiedBound_IsHeldToTheActual(string table, string text, string span, string factIs, string noteHas) =>
        Contradicted(table, text, span, factIs, noteHas);

    /// <summary>K2: a bound the 完成值 holds, or one the words give as the goal, raises no alarm.</summary>
    [Theory]
    [InlineData("p38-t2-yunnan-luliang-gonggongweisheng", "全年管理65岁及以上老年人约4.6万人。", "4.6万人", true)]
    [InlineData("p41-t4-chongqing-wulong-linye", "全年完成营造林逾1.3万亩。", "1.3万亩", true)]
    [InlineData("p38-t2-yunnan-luliang-gonggongweisheng", "全年管理65岁及以上老年人近4.7万人。", "4.7万人", true)]
    [InlineData("p40-t3-guangdong-ruyuan-laojiuxiaoqu", "全年惠及居民超过2200户。", "2200户", true)]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "计划培训不少于3000人次，实际培训2460人次。", "3000人次", false)]
    [InlineData("p41-t2-hubei-qichun-yiliaojiuzhu", "救助对象满意度超过92%。", "92%", true)]
    public void ABoundTheActualHolds_RaisesNoAlarm(string table, string text, string span, bool verified) => NoAlarm(table, text, span, verified);

    /// <summary>
    /// Integration 43 (the chat's 执行率不能超过100% was held): a bound said as a limit, a duty or a possibility (不能/不得/不可/必须/须/
    /// 预计/可能) is a rule, not what was done, and is not held to the actual.
    /// </summary>
    [Theory]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "执行率不能超过100%，实际支出不能超出预算。", "100%")]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "每期培训人数不得超过2500人次。", "2500人次")]
    [InlineData("p40-t3-guangdong-ruyuan-laojiuxiaoqu", "改造小区惠及居民必须超过2300户。", "2300户")]
    [InlineData("p41-t4-chongqing-wulong-linye", "明年营造林预计超过1.4万亩。", "1.4万亩")]
    [InlineData("p41-t2-hubei-qichun-yiliaojiuzhu", "救助对象满意度须超过93%。", "93%")]
    [InlineData("p43-t7-neimenggu-baotou-keji", "支持企业数量可能超过170家。", "170家")]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "区级资金执行率不得低于七成。", "七成")]
    [InlineData("p41-t2-hubei-qichun-yiliaojiuzhu", "县级资金执行率必须过半。", "过半")]
    [InlineData("p43-t7-neimenggu-baotou-keji", "市级资金执行率预计超过70%。", "70%")]
    public void ABoundSaidAsALimitOrAPossibility_RaisesNoAlarm(string table, string text, string span) => NoAlarm(table, text, span, false);

    /// <summary>K8: 成 fractions and 过半 are percentage bounds, judged against the rate they follow.</summary>
    [Theory]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "区级资金执行率超过七成。", "七成", "funds.lines[3].rate", "63.58%")]
    [InlineData("p41-t4-chongqing-wulong-linye", "区级资金执行率仅为五成。", "五成", "funds.lines[3].rate", "60.00%")]
    [InlineData("p38-t2-yunnan-luliang-gonggongweisheng", "县级配套资金执行率不足四成。", "四成", "funds.lines[3].rate", "48.08%")]
    [InlineData("p41-t2-hubei-qichun-yiliaojiuzhu", "县级资金执行率过半。", "过半", "funds.lines[3].rate", "49.76%")]
    [InlineData("p38-t7-fujian-wuyishan-wenlv-bumen", "基本支出执行率不足九成。", "九成", "funds.lines[1].rate", "99.80%")]
    [InlineData("p43-t7-neimenggu-baotou-keji", "市级资金执行率不到一半。", "一半", "funds.lines[2].rate", "60.00%")]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "区级资金执行率63.58%，超过七成。", "七成", "funds.lines[3].rate", "63.58%")]
    public void ATenthsFraction_IsJudged(string table, string text, string span, string factIs, string noteHas) =>
        Contradicted(table, text, span, factIs, noteHas);

    /// <summary>K8: a 成 fraction the rate holds raises no alarm; 成 that counts people, not a rate, is not read.</summary>
    [Theory]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "区级资金执行152.60万元，执行率63.58%，不足七成。", "七成", true)]
    [InlineData("p41-t4-chongqing-wulong-linye", "区级资金执行率60.00%，仅为六成。", "六成", true)]
    [InlineData("p40-t3-guangdong-ruyuan-laojiuxiaoqu", "执行4620.35万元，执行率79.22%，近八成。", "八成", true)]
    [InlineData("p38-t2-yunnan-luliang-gonggongweisheng", "县级配套资金执行率48.08%，不足五成。", "五成", true)]
    [InlineData("p41-t2-hubei-qichun-yiliaojiuzhu", "县级资金执行率不足五成。", "五成", true)]
    [InlineData("p38-t7-fujian-wuyishan-wenlv-bumen", "项目支出执行率超过八成。", "八成", true)]
    [InlineData("p43-t7-neimenggu-baotou-keji", "市级资金执行率过半。", "过半", true)]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "培训对象中七成以上为农村劳动力。", "七成", false)]
    public void ATenthsFractionTheRateHolds_RaisesNoAlarm(string table, string text, string span, bool verified) => NoAlarm(table, text, span, verified);

    /// <summary>K9: a level's score is the sum of its rows' 得分 (computed or as printed).</summary>
    [Theory]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "产出指标得分48.57分。", "48.57分", "47.57")]
    [InlineData("p41-t4-chongqing-wulong-linye", "效益指标得分29分。", "29分", "30.00")]
    [InlineData("p41-t2-hubei-qichun-yiliaojiuzhu", "产出指标得分48.82分。", "48.82分", "49.82")]
    [InlineData("p38-t7-fujian-wuyishan-wenlv-bumen", "产出指标得分46.29分。", "46.29分", "44.29")]
    [InlineData("p40-t3-guangdong-ruyuan-laojiuxiaoqu", "产出指标得分47.57分。", "47.57分", "各项得分之和")]
    public void ALevelScore_IsTheSumOfItsRows(string table, string text, string span, string noteHas) =>
        Contradicted(table, text, span, "levels[", noteHas);

    [Theory]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "产出指标得分47.57分。", "47.57分")]
    [InlineData("p41-t4-chongqing-wulong-linye", "效益指标得分30分。", "30分")]
    [InlineData("p41-t2-hubei-qichun-yiliaojiuzhu", "产出指标得分49.82分。", "49.82分")]
    [InlineData("p38-t7-fujian-wuyishan-wenlv-bumen", "产出指标得分44.29分。", "44.29分")]
    [InlineData("p38-t7-fujian-wuyishan-wenlv-bumen", "产出指标得分44.3分。", "44.3分")]
    public void ALevelScoreAsPrintedOrRounded_IsVerified(string table, string text, string span) => NoAlarm(table, text, span, true);

    /// <summary>K12: a saving against a ceiling or deadline is the row's 指标值 − 完成值.</summary>
    [Theory]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "补贴资金审核发放时限12天，较规定时限提前5天。", "5天", "indicators[4].target", "相差3")]
    [InlineData("p40-t3-guangdong-ruyuan-laojiuxiaoqu", "户均改造成本2.38万元，较上限节约0.21万元。", "0.21万元", "indicators[5].target", "相差0.12")]
    [InlineData("p43-t7-neimenggu-baotou-keji", "单个项目平均支持金额285万元，较上限节约25万元。", "25万元", "indicators[3]", "15")]
    public void ASavingAgainstTheLimit_IsTheRowsGap(string table, string text, string span, string factIs, string noteHas) =>
        Contradicted(table, text, span, factIs, noteHas);

    [Theory]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "补贴资金审核发放时限12天，较规定时限提前3天。", "3天")]
    [InlineData("p40-t3-guangdong-ruyuan-laojiuxiaoqu", "户均改造成本2.38万元，较上限节约0.12万元。", "0.12万元")]
    public void ASavingThatIsTheRowsGap_IsVerified(string table, string text, string span) => NoAlarm(table, text, span, true);

    /// <summary>K5: 提前完成 said of a row finished after its deadline is contradicted (the reference has no timeliness claims).</summary>
    [Theory]
    [InlineData("p41-t4-chongqing-wulong-linye", "造林任务提前完成。", "提前完成", "indicators[4]")]
    [InlineData("p41-t4-chongqing-wulong-linye", "营造林任务全部提前完成。", "提前完成", "indicators[4]")]
    public void EarlyOnALateRow_IsContradicted(string table, string text, string span, string factIs) =>
        Contradicted(table, text, span, factIs, string.Empty, reference: false);

    /// <summary>A gap in points compared with the target is actual − target, not the completion's excess over 100 %.</summary>
    [Theory]
    [InlineData("p41-t2-hubei-qichun-yiliaojiuzhu", "政策范围内住院费用救助比例72%，高于目标3个百分点。", "3个百分点", "indicators[2].gap", "相差2")]
    public void APointsGapAgainstTheTarget_IsActualMinusTarget(string table, string text, string span, string factIs, string noteHas) =>
        Contradicted(table, text, span, factIs, noteHas);

    [Theory]
    [InlineData("p41-t2-hubei-qichun-yiliaojiuzhu", "政策范围内住院费用救助比例72%，高于目标2个百分点。", "2个百分点")]
    [InlineData("p38-t7-fujian-wuyishan-wenlv-bumen", "重点项目按期完成率80%，较目标低10个百分点。", "10个百分点")]
    public void APointsGapThatIsActualMinusTarget_IsVerified(string table, string text, string span) => NoAlarm(table, text, span, true);

    /// <summary>A line added to its own part is no figure: the number is judged against the total.</summary>
    [Theory]
    [InlineData("p43-t7-neimenggu-baotou-keji", "全年预算1.35亿元，较年初预算增加0.25亿元。", "0.25亿元", "funds.lines[0].adjustment", "0.15")]
    public void ALineAddedToItsOwnPart_IsContradicted(string table, string text, string span, string factIs, string noteHas) =>
        Contradicted(table, text, span, factIs, noteHas);

    [Theory]
    [InlineData("p43-t7-neimenggu-baotou-keji", "全年预算1.35亿元，较年初预算增加0.15亿元。", "0.15亿元")]
    public void TheTotalsAdjustment_IsVerified(string table, string text, string span) => NoAlarm(table, text, span, true);

    /// <summary>A bound on a line's 执行率 is held to the line the words name (else the total), strictly: not verified by rounding nor by another line.</summary>
    [Theory]
    [InlineData("p43-t7-neimenggu-baotou-keji", "全年执行1.08亿元，执行率超过八成。", "八成", "funds.lines[0].rate", "80.00%")]
    [InlineData("p41-t2-hubei-qichun-yiliaojiuzhu", "县级资金执行率过半。", "过半", "funds.lines[3].rate", "49.76%")]
    [InlineData("p40-t3-guangdong-ruyuan-laojiuxiaoqu", "全年执行4620.35万元，执行率超过八成。", "八成", "funds.lines[0].rate", "79.22%")]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "区级资金执行率超过60%，省级资金执行率超过90%。", "90%", "funds.lines[2].rate", "83.78%")]
    public void ABoundOnALineRate_IsHeldToTheLineNamed(string table, string text, string span, string factIs, string noteHas) =>
        Contradicted(table, text, span, factIs, noteHas);

    [Theory]
    [InlineData("p38-t7-fujian-wuyishan-wenlv-bumen", "项目支出执行率超过八成。", "八成", "funds.lines[2].rate")]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "区级资金执行率超过60%。", "60%", "funds.lines[3].rate")]
    [InlineData("p41-t2-hubei-qichun-yiliaojiuzhu", "全年执行1710.65万元，执行率超过九成。", "九成", "funds.lines[0].rate")]
    public void ABoundTheNamedLineHolds_CitesThatLine(string table, string text, string span, string factIs)
    {
        NoAlarm(table, text, span, true);
        Assert.Contains(At(Verify(table, text), text, span), f => f.FactId == factIs);
    }

    /// <summary>两者相差…个百分点 after two rates is their difference.</summary>
    [Theory]
    [InlineData("p38-t7-fujian-wuyishan-wenlv-bumen", "基本支出执行率99.80%，项目支出执行率83.03%，两者相差15.77个百分点。", "15.77个百分点", "funds.lines[1].rate - funds.lines[2].rate", "16.77")]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "中央资金执行率93.54%，区级资金执行率63.58%，二者相差31.96个百分点。", "31.96个百分点", "funds.lines[1].rate - funds.lines[3].rate", "29.96")]
    public void AGapBetweenTwoRates_IsTheirDifference(string table, string text, string span, string factIs, string noteHas) =>
        Contradicted(table, text, span, factIs, noteHas);

    [Theory]
    [InlineData("p38-t7-fujian-wuyishan-wenlv-bumen", "基本支出执行率99.80%，项目支出执行率83.03%，两者相差16.77个百分点。", "16.77个百分点")]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "中央资金执行率93.54%，区级资金执行率63.58%，二者相差29.96个百分点。", "29.96个百分点")]
    public void AGapThatIsTheDifference_IsDerived(string table, string text, string span) => NoAlarm(table, text, span, true);

    /// <summary>均按期完成 judged by the row measuring it in %; 未发生 judged by the row counting it (product only: the reference has neither claim).</summary>
    [Theory]
    [InlineData("p38-t7-fujian-wuyishan-wenlv-bumen", "重点项目均按期完成。", "按期完成", "indicators[3].actual", "80%")]
    [InlineData("p41-t2-hubei-qichun-yiliaojiuzhu", "全年未发生因病致贫返贫。", "未发生", "indicators[5].actual", "2")]
    [InlineData("p41-t2-hubei-qichun-yiliaojiuzhu", "全年没有出现因病致贫返贫户。", "没有出现", "indicators[5].actual", "2")]
    public void AClaimOfAllOnTimeOrNoneHappened_IsJudgedByItsRow(string table, string text, string span, string factIs, string noteHas) =>
        Contradicted(table, text, span, factIs, noteHas, reference: false);

    [Theory]
    [InlineData("p38-t7-fujian-wuyishan-wenlv-bumen", "重点项目大部分按期完成。")]
    [InlineData("p41-t5-gansu-anding-canjiren", "全年未发生补贴资金被挤占挪用的情况。")]
    public void WordsNoRowMeasures_AreNoClaim(string table, string text)
    {
        VerificationReport report = Verifier.Verify(Sheets[table], text);
        Assert.DoesNotContain(report.Claims, c => c.Verdict == Verdict.Contradicted);
    }
}
