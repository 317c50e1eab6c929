using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Tests;

/// <summary>
/// Probe 34 #1, #4, #5: a reason cell's own lead-in (原因是：, 原因改一下：) is not quoted; money that arrived late
/// is a matter of time, not of which money paid first; a precedent blaming a fund level that is not low here is not used.
/// </summary>
public class ReasonLeadInTests
{
    [Theory]
    [InlineData("原因是：部分高危孕产妇转诊不及时", "部分高危孕产妇转诊不及时")]
    [InlineData("原因改一下：部分企业停产，职工参训意愿下降", "部分企业停产，职工参训意愿下降")]
    [InlineData("原因为:受汛期影响部分地块推迟开工", "受汛期影响部分地块推迟开工")]
    [InlineData("偏差原因：管护人员不足", "管护人员不足")]
    [InlineData("原因补充：村医退休后未及时补充", "村医退休后未及时补充")]
    [InlineData("主要原因是部分学校寄宿生减少", "部分学校寄宿生减少")]
    [InlineData("原因是原因是：培训机构备案调整", "培训机构备案调整")]
    [InlineData("原因分析：项目招标流标两次", "项目招标流标两次")]
    public void LeadIns_AreStripped(string cell, string expected)
    {
        Assert.Equal(expected, DeviationItems.StripLeadIn(cell));
    }

    [Theory]
    [InlineData("原因复杂，涉及多部门协调")]
    [InlineData("部分高危孕产妇转诊不及时")]
    [InlineData("原因是：")]
    public void ReasonsWithoutALeadIn_AreKept(string cell)
    {
        Assert.Equal(cell, DeviationItems.StripLeadIn(cell));
    }

    [Theory]
    [InlineData("省级资金下达较晚，导致部分资金未能按时发放")]
    [InlineData("省级资金12月才下达，部分学校来不及发放")]
    [InlineData("中央资金到位滞后")]
    [InlineData("上级资金未及时拨付")]
    [InlineData("市级配套资金到账时间较晚")]
    public void LateMoney_IsATimeCause_NotAFundingOrder(string reason)
    {
        Assert.True(DraftPhrases.IsLateArrival(reason));
        Assert.False(DraftPhrases.IsFundingSource(reason));
    }

    [Theory]
    [InlineData("优先使用中央资金")]
    [InlineData("相关支出由省级资金安排")]
    public void FundingOrder_StaysAFundingSource(string reason)
    {
        Assert.False(DraftPhrases.IsLateArrival(reason));
        Assert.True(DraftPhrases.IsFundingSource(reason));
    }

    private static Evaluation Funds(params (string Name, decimal Budget, decimal Executed)[] parts) => new()
    {
        Kind = EvaluationKind.Project,
        Title = "职业技能培训补贴",
        Year = 2024,
        Funds = new FundSection
        {
            Unit = "元",
            Lines = [new FundLine { Name = "年度资金总额", Budget = new PrintedNumber(parts.Sum(p => p.Budget), 2), Executed = new PrintedNumber(parts.Sum(p => p.Executed), 2) },
                .. parts.Select(p => new FundLine { Name = p.Name, Parent = "年度资金总额", Budget = new PrintedNumber(p.Budget, 2), Executed = new PrintedNumber(p.Executed, 2) })],
        },
        Indicators = [],
    };

    private static DeviationItem Line(int index, string name) =>
        new(string.Empty, DeviationKind.LowExecution, name, null, index, null, null, null, []);

    [Fact]
    public void APrecedentBlamingAPartThatIsNotLow_IsAMisfit()
    {
        // 中央 at 93.33 %, 县级 at 71.43 %: a 中央 cause cannot explain the total; a 县级 one can.
        Evaluation e = Funds(("中央财政资金", 3000000m, 2800000m), ("县级资金", 700000m, 500000m));
        Assert.Equal("中央", PrecedentFit.OtherFundLevel("第四季度下达的中央追加资金到位较晚", Line(0, "年度资金总额"), e));
        Assert.Null(PrecedentFit.OtherFundLevel("县级财政配套资金到位较晚", Line(0, "年度资金总额"), e));
        Assert.Null(PrecedentFit.OtherFundLevel("部分项目招标推迟", Line(0, "年度资金总额"), e));
        Assert.StartsWith("fund-level", PrecedentFit.Misfit("第四季度下达的中央追加资金到位较晚，部分补贴未能在年内拨付", Line(0, "年度资金总额"), e), StringComparison.Ordinal);
    }

    [Fact]
    public void APartsOwnLevel_IsItsOwnCause()
    {
        Evaluation e = Funds(("中央资金", 1000m, 990m), ("省级资金", 500m, 300m), ("市级资金", 400m, 200m));
        Assert.Null(PrecedentFit.OtherFundLevel("省级资金下达较晚", Line(2, "省级资金"), e));
        Assert.Equal("市级", PrecedentFit.OtherFundLevel("市级财政资金拨付滞后", Line(2, "省级资金"), e));
        Assert.Equal("中央", PrecedentFit.OtherFundLevel("中央资金年底才下达", Line(0, "年度资金总额"), e));
    }
}
