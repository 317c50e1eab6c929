using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;
using Assistant.Features.Corpus;
using Assistant.Features.Drafting;
using Assistant.Features.Evaluations;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 35 (probe 34 files #6, chat #9): section 三's measures answer the kind of cause the unit gave, in the
/// row's own sector (late money → be ready to pay; the flood season → build around it; too few doctors → more
/// doctors; enterprises stopped → training fitted to them; a cost per person → cost control), precedents naming
/// another place's industries or money that came late are left out, and reasons of another period or in general
/// words are quoted, hedged and noted instead of answered.
/// </summary>
public class DraftingSession35Tests
{
    private static string Draft(Evaluation e, IReadOnlyList<DraftSource>? sources = null, Func<DeviationItem, IReadOnlyList<int>>? measureSources = null)
    {
        FactSheet sheet = FactSheet.Build(e, ScoringPolicy.Default);
        var items = DeviationItems.Find(sheet, ScoringPolicy.Default, lowParts: true);
        var brief = new DraftBrief(DraftSection.Deviation, sheet, items.Select(i => new BriefItem(i, [], measureSources?.Invoke(i) ?? [])).ToList(), sources ?? []);
        return DraftText.Render(OfflineDrafter.Compose(brief), sheet, brief.Sources.Count).Text;
    }

    private static string Measures(string text) => text[text.IndexOf("（二）", StringComparison.Ordinal)..];

    private static Evaluation Table(string title, int year, string region, string unit, string budget, string executed, string? fundNote, params Indicator[] indicators) => new()
    {
        Kind = EvaluationKind.Project,
        Title = title,
        Year = year,
        Region = region,
        Funds = new FundSection { Unit = unit, Lines = [new FundLine { Name = "年度资金总额", Budget = PrintedNumber.Parse(budget), Executed = PrintedNumber.Parse(executed), DeviationNote = fundNote }] },
        Indicators = indicators,
    };

    private static Indicator Row(string name, string target, string actual, string? unit, string? note = null, string level2 = "数量指标") => new()
    {
        Level1 = "产出指标",
        Level2 = level2,
        Name = name,
        Target = target,
        Actual = actual,
        Unit = unit,
        DeviationNote = note,
    };

    [Theory]
    [InlineData("省级资金下达较晚，导致部分资金未能按时发放", "资金发放及时率")]
    [InlineData("自治区资金12月才下达，部分学校膳食补助未能按时拨付", "营养膳食补助发放及时率")]
    [InlineData("中央资金第四季度才下达，临时救助金延后发放", "救助资金发放及时率")]
    [InlineData("省级补助资金到位较晚", "护理补贴按月发放率")]
    public void MoneyThatCameLate_ForAPaymentRow_IsAnsweredByBeingReadyToPay(string cause, string row)
    {
        var answers = DraftPhrases.AnswersFor(cause, context: row + "；" + cause);
        Assert.Contains(answers, a => a.Contains("发放准备", StringComparison.Ordinal) && a.Contains("即时", StringComparison.Ordinal));
        Assert.DoesNotContain(answers, a => a.Contains("统筹安排上级资金和本级资金", StringComparison.Ordinal));
        Assert.DoesNotContain(answers, a => a.Contains("督导", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("受汛期影响部分地块推迟开工", "非汛期")]
    [InlineData("受汛期影响2座水库推迟开工", "度汛")]
    [InlineData("雨季持续时间长，部分路段推迟动工", "晴好天气")]
    [InlineData("冬季低温，部分工地停工", "晴好天气")]
    public void WeatherThatHeldUpTheStart_IsAnsweredByBuildingAroundTheSeason(string cause, string expected)
    {
        var answers = DraftPhrases.AnswersFor(cause);
        string m = Assert.Single(answers, a => a.Contains(expected, StringComparison.Ordinal));
        Assert.True(DraftPhrases.Fits(m, cause), m);
    }

    [Theory]
    [InlineData("签约医生数量不足", "全科医生")]
    [InlineData("全科医生数量不足，签约团队人手紧张", "全科医生")]
    [InlineData("乡镇卫生院医务人员短缺", "医务人员")]
    [InlineData("特教教师数量不足，送教频次减少", "教师")]
    [InlineData("乡村学校缺乏专任教师", "教师")]
    [InlineData("管护人员数量不足", "配齐人员")]
    public void TooFewStaff_AreAnsweredByAddingThem(string cause, string expected)
    {
        string first = DraftPhrases.AnswersFor(cause)[0];
        Assert.Contains(expected, first, StringComparison.Ordinal);
        Assert.Contains("补", first, StringComparison.Ordinal);
        Assert.DoesNotContain("网格化", first, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("今年机关事业单位编制收紧，接收实习生的岗位减少了40个")]
    [InlineData("合作企业减少，见习岗位缩减")]
    [InlineData("可提供的岗位有限")]
    [InlineData("受编制压缩影响，接收单位减少")]
    public void PostsCut_AreAnsweredByMorePosts(string cause)
    {
        var answers = DraftPhrases.AnswersFor(cause);
        Assert.Contains(answers, a => a.Contains("拓展岗位来源", StringComparison.Ordinal));
        Assert.DoesNotContain(answers, a => a.Contains("机构编制部门", StringComparison.Ordinal) || a == DraftPhrases.LeftoverMeasure);
    }

    [Theory]
    [InlineData("部分企业停产，职工参训意愿下降", "补贴性职业技能培训人次", "送培训进企业")]
    [InlineData("部分企业减产停工，职工参加培训时间难以保证", "企业职工技能培训人次", "根据企业生产安排")]
    [InlineData("部分企业经营困难暂缓改造，个别企业停产", "完成技术改造企业数量", "复产")]
    [InlineData("部分企业停产减员，吸纳就业减少", "城镇新增就业人数", "吸纳就业补贴")]
    public void EnterprisesThatStopped_AreAnsweredInTheRowsOwnTerms(string cause, string row, string expected)
    {
        var answers = DraftPhrases.AnswersFor(cause, context: row + "；" + cause);
        Assert.Contains(answers, a => a.Contains(expected, StringComparison.Ordinal));
        if (!row.Contains("就业", StringComparison.Ordinal))
        {
            Assert.DoesNotContain(answers, a => a.Contains("吸纳就业", StringComparison.Ordinal) || a.Contains("稳岗返还", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("受疫情影响，部分老人未能到场体检", "65岁及以上老年人健康管理人数", "上门体检")]
    [InlineData("部分老人行动不便，未能到场参加体检", "老年人健康体检人数", "上门体检")]
    [InlineData("部分产妇产后返回娘家居住，未能按时接受访视", "孕产妇产后访视人数", "上门服务")]
    [InlineData("培训机构备案调整，下半年开班减少", "补贴性职业技能培训人次", "按计划开班")]
    [InlineData("健康讲座开展场次少于计划", "居民健康知识知晓率", "健康教育")]
    [InlineData("宣传覆盖面不足", "居民健康素养水平", "健康教育")]
    public void OtherKindsOfSession35_GetTheirOwnMeasure(string cause, string row, string expected)
    {
        var answers = DraftPhrases.AnswersFor(cause, context: row + "；" + cause);
        Assert.Contains(answers, a => a.Contains(expected, StringComparison.Ordinal));
        Assert.DoesNotContain(DraftPhrases.LeftoverMeasure, answers);
    }

    [Theory]
    [InlineData("人均基本公共卫生服务经费")]
    [InlineData("户均临时救助支出")]
    [InlineData("次均门诊费用")]
    [InlineData("生均公用经费支出")]
    public void ACostPerPersonOverItsStandard_IsControlled_NotBuiltOrSelfFunded(string name)
    {
        string m = DraftPhrases.CeilingMeasure(name, null, money: true);
        Assert.Equal(DraftPhrases.ServiceCostMeasure, m);
        Assert.DoesNotContain("建设或配置", m, StringComparison.Ordinal);
        Assert.DoesNotContain("自筹", m, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("亩均建设成本", null)]
    [InlineData("单座水库除险加固平均投资", null)]
    [InlineData("每公里改造成本", null)]
    [InlineData("人均服务成本", "增加了北斗定位模块")]
    public void ABuiltOrAddedCostOverItsStandard_KeepsTheApprovalMeasure(string name, string? cause)
    {
        Assert.Contains("按程序报批", DraftPhrases.CeilingMeasure(name, cause, money: true), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("围绕装备制造、现代物流等本地主导产业开发培训项目", "装备制造")]
    [InlineData("围绕纺织服装、汽车零部件等本地主导产业开发培训项目", "纺织服装")]
    [InlineData("结合茶叶、竹编等特色产业开展技能培训", "茶叶")]
    [InlineData("面向光伏企业用工需求开设订单班", "光伏")]
    public void APrecedentNamingAnotherPlacesIndustries_IsNamedThing(string sentence, string named)
    {
        var e = Table("职业技能培训补贴资金", 2024, "江西省赣州市于都县", "万元", "500", "480", null);
        Assert.Equal(named, PrecedentFit.NamedThing(sentence, e));
        Assert.Null(PrecedentFit.NamedThing("围绕本地主导产业和劳动者需求设置培训项目", e));
        var own = Table("光伏产业技能培训补贴资金", 2024, "江西省赣州市于都县", "万元", "500", "480", null);
        Assert.Null(PrecedentFit.NamedThing("面向光伏企业用工需求开设订单班", own));
    }

    [Theory]
    [InlineData("对年底下达的资金提前做好项目储备，倒排拨付时间表", true)]
    [InlineData("第四季度追加资金到位后压茬拨付", true)]
    [InlineData("上级资金下达较晚的，提前做好准备", true)]
    [InlineData("建立资金支出月度通报机制，加快预算执行进度", false)]
    public void AMeasureAssumingLateMoney_IsKnown(string measure, bool late) => Assert.Equal(late, DraftPhrases.AssumesLateArrival(measure));

    [Fact]
    public void APrecedentMeasureOnMoneyThatCameLate_IsUsedOnlyWhereTheUnitSaysSo()
    {
        const string passage = "（二）下一步改进措施\n一是加快资金拨付进度。对年底下达的资金提前做好项目储备，倒排拨付时间表，确保资金及早发挥效益。";
        var hit = new SearchHit(1, Guid.Empty, "某县就业补助资金2023年度绩效自评报告", "某县", 2023, null, "deviation-measure", "三", null, passage, 1, 1, 1);
        IReadOnlyList<int> Src(DeviationItem i) => i.Kind == DeviationKind.LowExecution ? [1] : [];
        var said = Table("就业见习补贴资金", 2024, "宁夏回族自治区中卫市", "万元", "200", "120", "中央资金12月才下达，年内未能全部支出", Row("参加就业见习人数", "≥100", "100", "人"));
        var notSaid = Table("就业见习补贴资金", 2024, "宁夏回族自治区中卫市", "万元", "200", "120", "见习人员少于预期，补贴支出减少", Row("参加就业见习人数", "≥100", "100", "人"));
        Assert.Contains("年底下达的资金", Measures(Draft(said, [new DraftSource(1, hit)], Src)), StringComparison.Ordinal);
        Assert.DoesNotContain("年底下达的资金", Measures(Draft(notSaid, [new DraftSource(1, hit)], Src)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2024, "受疫情影响，部分老人未能到场体检", true)]
    [InlineData(2025, "因疫情原因部分活动未能举办", true)]
    [InlineData(2022, "受疫情影响，部分老人未能到场体检", false)]
    [InlineData(2024, "疫情后群众就医需求集中释放", false)]
    public void AnEpidemicReasonInALaterYear_IsHedgedInTheText_AndNoted(int year, string reason, bool outOfPeriod)
    {
        var e = Table("基本公共卫生服务补助资金", year, "四川省南充市营山县", "万元", "800", "790", null, Row("65岁及以上老年人健康管理人数", "≥9000", "8100", "人", reason));
        string text = Draft(e);
        Assert.Equal(outOfPeriod, text.Contains("与年度不符", StringComparison.Ordinal));
        FactSheet sheet = FactSheet.Build(e, ScoringPolicy.Default);
        DeviationItem item = DeviationItems.Find(sheet, ScoringPolicy.Default).Single(i => i.IndicatorIndex == 0);
        string? weak = ReasonStrength.Weakness(sheet, item);
        Assert.Equal(outOfPeriod, weak?.Contains("与年度不符", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(DraftPhrases.LeftoverMeasure, Measures(text), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("工作推进不够到位")]
    [InlineData("受多种因素影响")]
    [InlineData("工作力度不够")]
    public void AVagueReasonShared_ByADeathRateAndAManagementRate_IsNotOneGroup(string reason)
    {
        var e = Table("基本公共卫生服务补助资金", 2024, "河南省南阳市内乡县", "万元", "1000", "990", null,
            Row("婴儿死亡率", "≤5", "5.6", "‰", reason, "质量指标"), Row("高血压患者规范管理率", "≥60", "54", "%", reason, "质量指标"));
        string text = Draft(e);
        Assert.DoesNotContain("针对“婴儿死亡率”“高血压", text, StringComparison.Ordinal);
        Assert.Contains("死亡评审", Measures(text), StringComparison.Ordinal);
        Assert.Contains("同样没有说明该项偏差的具体原因", text, StringComparison.Ordinal);
        FactSheet sheet = FactSheet.Build(e, ScoringPolicy.Default);
        var items = DeviationItems.Find(sheet, ScoringPolicy.Default);
        Assert.All(items.Where(i => i.IndicatorIndex is not null), i => Assert.Contains("套话", ReasonStrength.Weakness(sheet, i) ?? string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void AFundingOrderReason_OnCountRows_GetsTheRowsOwnMeasures_NotTheGenericOne()
    {
        Evaluation e = SharedData.LoadReference("zhongwei-2024-internship-subsidy");
        string text = Draft(e);
        Assert.DoesNotContain(DraftPhrases.LeftoverMeasure, Measures(text), StringComparison.Ordinal);
        Assert.Contains("实习岗位", Measures(text), StringComparison.Ordinal);
    }
}
