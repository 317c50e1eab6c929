using Assistant.Domain.Conversation;
using Assistant.Domain.Drafting;
using Assistant.Domain.Facts;
using Assistant.Domain.Tests.Conversation;

namespace Assistant.Domain.Tests;

/// <summary>
/// Causes that used to get a general measure (or one of a broader kind) get one that answers them: staff
/// quotas, missing technicians, village doctors, old equipment, people unwilling to take part, many approval
/// steps, a county's own late payments, weather holding up works. A narrower kind's measure replaces the
/// broader one's, in the chat's 怎么改 and in a draft's 下一步改进措施 alike.
/// </summary>
public class CauseMeasureKindsTests
{
    [Theory]
    [InlineData("人员编制不足，空编岗位招聘未完成", "盘活用好现有编制", null)]
    [InlineData("单位核定编制少，一线工作人员长期不足", "盘活用好现有编制", null)]
    [InlineData("专业技术人员缺乏", "柔性引进", null)]
    [InlineData("乡镇卫生院技术力量薄弱，缺乏影像诊断医生", "柔性引进", null)]
    [InlineData("村医力量不足", "乡村医生队伍建设", null)]
    [InlineData("部分检验设备老化，维修周期长", "逐台检测评估", null)]
    [InlineData("垃圾转运车辆老化，故障频发", "逐台检测评估", null)]
    [InlineData("群众参与意愿低", "以奖代补", "加强政策宣传和服务对接")]
    [InlineData("部分农户对改厕存在顾虑，不愿参与", "以奖代补", "加强政策宣传和服务对接")]
    [InlineData("项目审批环节多", "并联审批", "优化经办流程")]
    [InlineData("立项审批周期长，前期手续办理时间长", "并联审批", "优化经办流程")]
    [InlineData("县级资金拨付滞后", "县级财政收到上级资金后及时分解拨付", "简化资金拨付审核流程")]
    [InlineData("县财政资金支付不及时", "县级财政收到上级资金后及时分解拨付", null)]
    [InlineData("受汛期影响工期顺延", "施工黄金期", "结合汛期和季节特点合理安排工作计划")]
    [InlineData("雨季连续降雨，管网施工停工近两个月", "施工黄金期", "结合汛期和季节特点合理安排工作计划")]
    [InlineData("冬季低温无法施工，工程推迟完工", "施工黄金期", "结合汛期和季节特点合理安排工作计划")]
    public void EachCause_GetsAMeasureThatAnswersIt_NotTheBroaderOne(string cause, string expected, string? broader)
    {
        var answers = DraftPhrases.AnswersFor(cause);
        Assert.Contains(answers, a => a.Contains(expected, StringComparison.Ordinal));
        if (broader is not null)
        {
            Assert.DoesNotContain(answers, a => a.Contains(broader, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(answers, a => a.Contains("加强绩效运行监控", StringComparison.Ordinal) || a.Contains("上级财政部门", StringComparison.Ordinal));
        Assert.Contains(expected, DraftPhrases.Answer(cause), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("二季度持续降雨，培训班推迟开班", "不利天气")]   // weather, but no works: the broader measure still answers it
    [InlineData("资金下达较晚，拨付滞后", "沟通对接")]           // upper-level money late: not the county's own payment
    public void ABroaderCause_KeepsItsMeasure(string cause, string expected)
    {
        Assert.Contains(DraftPhrases.AnswersFor(cause, region: "甘肃省陇南市宕昌县"), a => a.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("甘肃省陇南市宕昌县", true)]
    [InlineData("北京市海淀区", true)]
    [InlineData("内蒙古自治区鄂尔多斯市准格尔旗", true)]
    [InlineData("甘肃省天水市", false)]
    [InlineData(null, false)]
    public void ALatePayment_InACountysTable_IsTheCountysOwnPayingOut(string? region, bool county)
    {
        var answers = DraftPhrases.AnswersFor("部分资金拨付滞后", region: region);
        Assert.Equal(county, answers.Any(a => a.Contains("县级财政收到上级资金后及时分解拨付", StringComparison.Ordinal)));
        Assert.Equal(!county, answers.Any(a => a.Contains("简化资金拨付审核流程", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("补助资金拨付及时率怎么改", "县级财政收到上级资金后及时分解拨付")] // 部分资金拨付滞后, in 宕昌县's table
    [InlineData("体质监测那项怎么改", "体育锻炼")]
    [InlineData("食堂改造完工时间怎么改", "流标")]
    public void TheChatsImproveAnswer_AnswersTheCause(string message, string expected)
    {
        string answer = MissingItemTests.Answer(message, MissingItemTests.Own("probe29-A-yingyang"));
        Assert.Contains("下一步：", answer, StringComparison.Ordinal);
        Assert.Contains(expected, answer, StringComparison.Ordinal);
    }

    [Fact]
    public void TheChatsImproveAnswer_ForVillageDoctors_AndWeatherOnWorks()
    {
        string doctors = MissingItemTests.Answer("糖尿病那项怎么改", MissingItemTests.Own("probe29-C-gongwei"));
        Assert.Contains("乡村医生队伍建设", doctors, StringComparison.Ordinal);
        FactSheet works = MissingItemTests.Own("probe29-B-shuiku");
        string weather = MissingItemTests.Answer("完成除险加固那项怎么改", works);
        Assert.Contains("施工黄金期", weather, StringComparison.Ordinal);
        Assert.DoesNotContain("结合汛期和季节特点合理安排工作计划", weather, StringComparison.Ordinal);
        Assert.Equal(IntentKind.Explain, IntentRouter.Route("完成除险加固那项怎么改", works).Kind);
    }
}
