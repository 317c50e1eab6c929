using Assistant.Domain.Facts;
using Assistant.Domain.Review;

namespace Assistant.Domain.Tests;

/// <summary>Questions across units, per table: an indicator found by name as the chat finds it (never a merely similar row), 执行率 and stated reasons from the calculator.</summary>
public class CrossUnitTests
{
    private static FactSheet Sheet(string table) => FactSheet.Build(SharedData.LoadReference(table));

    [Theory]
    [InlineData("guangxi-2024-employment-transfer", "城镇新增就业人数", "城镇新增就业人数")]
    [InlineData("guangxi-2024-employment-transfer", "新增就业人数", "城镇新增就业人数")]
    [InlineData("guangxi-2024-employment-transfer", "零就业家庭帮扶率", "零就业家庭帮扶率")]
    [InlineData("zhongwei-2024-employment-service-demo", "零就业家庭帮扶率", "零就业家庭帮扶率")]
    [InlineData("zhongwei-2024-employment-service-demo", "失业人员再就业人数", "失业人员再就业人数")]
    [InlineData("zhongwei-2024-internship-subsidy", "实习生数量", "机关事业单位实习生数量")]
    [InlineData("zhongwei-2024-entrepreneurship-fund", "公益岗补贴人员数量", "享受公益性岗位补贴人员数量")]
    public void AnIndicator_IsFoundByItsName(string table, string asked, string row)
    {
        IndicatorStanding found = Assert.Single(CrossUnit.Indicator(asked, Sheet(table)));
        Assert.Equal(row, found.Name);
    }

    [Theory]
    [InlineData("zhongwei-2024-employment-service-demo", "城镇新增就业人数")]
    [InlineData("zhongwei-2024-internship-subsidy", "城镇新增就业人数")]
    [InlineData("zhongwei-2024-entrepreneurship-fund", "城镇新增就业人数")]
    [InlineData("zhongwei-2024-employment-operating-funds", "城镇新增就业人数")]
    [InlineData("zhongwei-2024-internship-subsidy", "就业政策满意度")]
    public void ATableWithoutTheIndicator_AnswersNothing_NotASimilarRow(string table, string asked) =>
        Assert.Empty(CrossUnit.Indicator(asked, Sheet(table)));

    [Fact]
    public void AShortfall_CarriesTheCalculatorsNumbers_AndTheStatedReason()
    {
        IndicatorStanding s = Assert.Single(CrossUnit.Indicator("机关事业单位实习生数量", Sheet("zhongwei-2024-internship-subsidy")));
        Assert.Equal("short", s.Status);
        Assert.Equal(0.58m, s.Completion);
        Assert.Equal(5.8m, s.Score);
        Assert.Equal(4.2m, s.LostPoints);
        Assert.Equal("优先使用中央及自治区资金", s.Reason);
    }

    [Fact]
    public void Execution_IsTheTotalLinesRate()
    {
        ExecutionStanding e = CrossUnit.Execution(Sheet("zhongwei-2024-internship-subsidy"));
        Assert.Equal(200m, e.Budget);
        Assert.Equal(38.99m, e.Executed);
        Assert.Equal(38.99m / 200m, e.Rate);
        Assert.Equal("万元", e.Unit);
    }

    [Theory]
    [InlineData("受经济下行影响，企业用工需求减少", "经济形势和市场变化")]
    [InlineData("资金下达较晚，补贴未能及时拨付", "资金下达或拨付滞后")]
    [InlineData("中央资金年底下达", "资金下达或拨付滞后")]
    [InlineData("符合条件的申报人数少于预期", "需求或申报不足")]
    [InlineData("公益性岗位补贴人员退出较多", "需求或申报不足")]
    [InlineData("年初目标设定偏高", "目标设定不合理")]
    [InlineData("项目招标程序耗时，进度滞后", "项目实施进度滞后")]
    [InlineData("受疫情影响", "疫情或不可抗力")]
    [InlineData("厉行节约，压减开支", "资金节约或结余")]
    [InlineData("优先使用中央及自治区资金", ReasonKinds.Other)]
    [InlineData("3个片区项目受6月汛期影响推迟开工，0.3万亩结转至2026年6月底前完成", "天气或自然灾害")]
    [InlineData("5座水库受汛期（4-9月）限制施工窗口，主体工程未完工，已结转至2025年汛前完成", "天气或自然灾害")]
    [InlineData("受年初连续降雨影响", "天气或自然灾害")]
    [InlineData("7月遭遇强降雨洪涝灾害，部分田块水毁返工", "天气或自然灾害")]
    [InlineData("春季持续干旱，补植苗木成活率下降", "天气或自然灾害")]
    [InlineData("钢材、水泥等主要建材价格上涨，单位造价超出预算", "价格或成本变化")]
    [InlineData("县级配套资金因财力紧张仅到位24万元，剩余96万元结转下年使用", "本级财力紧张")]
    [InlineData("省级考核方案下发较晚", "上级方案或文件下发较晚")]
    [InlineData("村医力量不足", "人员力量不足")]
    [InlineData("部分老年人外出务工或随子女在外居住，实际在辖区居住老人减少约1800人", "人口或对象流动")]
    [InlineData("3个食堂改造项目因招标两次流标，10月才开工，年底未完工", "项目实施进度滞后")]
    [InlineData("跨年度项目按合同约定结转支付", "统计或核算口径")]
    public void Reasons_AreCountedByKind(string reason, string kind) => Assert.Equal(kind, ReasonKinds.Classify(reason));

    [Fact]
    public void NoReason_HasNoKind() => Assert.Null(ReasonKinds.Classify("  "));

    [Theory]
    [InlineData("城镇新增就业人数", "城镇新增就业人数", 1)]
    [InlineData("城镇新增就业人数", "就业困难人员就业人数", 0.4)]
    [InlineData("新增就业", "城镇新增就业人数", 1)]
    public void Overlap_IsTheShareOfTheAskedPairsInTheRow(string asked, string row, double expected) =>
        Assert.Equal((decimal)expected, Math.Round(CrossUnit.Overlap(asked, row), 1));
}
